using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wuyi.Certification.Regions;

namespace Wuyi.Certification.Persistence;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.ToTable("regions");
        builder.HasKey(r => r.Code);
        builder.Property(r => r.Code).HasMaxLength(12);
        builder.Property(r => r.Name).HasMaxLength(100);
        builder.Property(r => r.Level).HasConversion<int>();
        builder.Property(r => r.ParentCode).HasMaxLength(12);
        builder.HasOne<Region>().WithMany().HasForeignKey(r => r.ParentCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.ParentCode);
    }
}
