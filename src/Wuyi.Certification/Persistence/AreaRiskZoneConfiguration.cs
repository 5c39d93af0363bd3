using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wuyi.Certification.Epidemic;

namespace Wuyi.Certification.Persistence;

internal sealed class AreaRiskZoneConfiguration : IEntityTypeConfiguration<AreaRiskZone>
{
    public void Configure(EntityTypeBuilder<AreaRiskZone> builder)
    {
        builder.ToTable("risk_zones");
        builder.HasKey(z => z.AreaCode);
        builder.Property(z => z.AreaCode).HasMaxLength(32);
        builder.Property(z => z.Level).HasMaxLength(16);
    }
}
