using Microsoft.EntityFrameworkCore;
using Wuyi.Certification.Areas;
using Wuyi.Certification.Certifications;
using Wuyi.Certification.Epidemic;
using Wuyi.Certification.Inspections;
using Wuyi.Certification.Regions;
using Wuyi.Certification.Signals;

namespace Wuyi.Certification.Persistence;

/// <summary>The certification domain's tables. Provider subclasses own each provider's migrations.</summary>
public abstract class CertificationDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>The module name: its migration history table is <c>__wuyi_certification_migrations</c>.</summary>
    public const string Module = "certification";

    /// <summary>The administrative divisions.</summary>
    public DbSet<Region> Regions => Set<Region>();

    /// <summary>The compounds registered under communities.</summary>
    public DbSet<Compound> Compounds => Set<Compound>();

    /// <summary>Each area's latest infection.</summary>
    public DbSet<AreaInfection> AreaInfections => Set<AreaInfection>();

    /// <summary>Close contacts, open and ruled out.</summary>
    public DbSet<CloseContact> CloseContacts => Set<CloseContact>();

    /// <summary>The counties' dynamic-zero status.</summary>
    public DbSet<CountyStatus> CountyStatuses => Set<CountyStatus>();

    /// <summary>The risk zone each area lies in, where one was signalled.</summary>
    public DbSet<AreaRiskZone> RiskZones => Set<AreaRiskZone>();

    /// <summary>The inspection policy administrators set (one row; none: the settings' defaults).</summary>
    public DbSet<InspectionPolicy> InspectionPolicies => Set<InspectionPolicy>();

    /// <summary>The accepted epidemic signals and their answers.</summary>
    public DbSet<SignalRecord> Signals => Set<SignalRecord>();

    /// <summary>Every signal received, a replay or a refusal included, with what became of it.</summary>
    public DbSet<SignalReceipt> SignalReceipts => Set<SignalReceipt>();

    /// <summary>Publications and notices to areas.</summary>
    public DbSet<AreaNotice> AreaNotices => Set<AreaNotice>();

    /// <summary>The certifications' status and dates, projected from their instances.</summary>
    public DbSet<CertificationRecord> Certifications => Set<CertificationRecord>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CertificationDbContext).Assembly,
            t => t.Namespace == typeof(CertificationDbContext).Namespace);
}
