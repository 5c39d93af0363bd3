using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wuyi.Certification.Certifications;

namespace Wuyi.Certification.Persistence;

internal sealed class CertificationRecordConfiguration : IEntityTypeConfiguration<CertificationRecord>
{
    public void Configure(EntityTypeBuilder<CertificationRecord> builder)
    {
        builder.ToTable("certifications");
        builder.HasKey(c => c.InstanceId);
        builder.Property(c => c.InstanceId).HasMaxLength(200);
        builder.Property(c => c.AreaCode).HasMaxLength(32);
        builder.Property(c => c.AreaName).HasMaxLength(200);
        builder.Property(c => c.Status).HasMaxLength(32);
        builder.Property(c => c.ControlLevel).HasMaxLength(16);
        builder.Property(c => c.TestingFrequency).HasMaxLength(16);
        // Two projectors racing on one row: the second to write finds the revision changed and starts again.
        builder.Property(c => c.Revision).IsConcurrencyToken();
        // Lists and the registry: a status, under a region (an area-code prefix), the area code naming the region first.
        builder.HasIndex(c => new { c.Status, c.AreaCode });
        builder.HasIndex(c => c.AreaCode);
    }
}
