using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wuyi.Certification.Epidemic;

namespace Wuyi.Certification.Persistence;

internal sealed class AreaInfectionConfiguration : IEntityTypeConfiguration<AreaInfection>
{
    public void Configure(EntityTypeBuilder<AreaInfection> builder)
    {
        builder.ToTable("area_infections");
        builder.HasKey(a => a.AreaCode);
        builder.Property(a => a.AreaCode).HasMaxLength(15);
        builder.Property(a => a.Reference).HasMaxLength(200);
    }
}
