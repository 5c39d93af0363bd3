using Microsoft.EntityFrameworkCore;
using Wuyi.Certification.Regions;

namespace Wuyi.Certification.Persistence;

/// <summary>The certification domain's tables. Provider subclasses own each provider's migrations.</summary>
public abstract class CertificationDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>The module name: its migration history table is <c>__wuyi_certification_migrations</c>.</summary>
    public const string Module = "certification";

    /// <summary>The administrative divisions.</summary>
    public DbSet<Region> Regions => Set<Region>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CertificationDbContext).Assembly,
            t => t.Namespace == typeof(CertificationDbContext).Namespace);
}
