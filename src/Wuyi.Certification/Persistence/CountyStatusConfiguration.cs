using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wuyi.Certification.Epidemic;

namespace Wuyi.Certification.Persistence;

internal sealed class CountyStatusConfiguration : IEntityTypeConfiguration<CountyStatus>
{
    public void Configure(EntityTypeBuilder<CountyStatus> builder)
    {
        builder.ToTable("county_status");
        builder.HasKey(c => c.CountyCode);
        builder.Property(c => c.CountyCode).HasMaxLength(6);
    }
}
