using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wuyi.Certification.Areas;

namespace Wuyi.Certification.Persistence;

internal sealed class CompoundConfiguration : IEntityTypeConfiguration<Compound>
{
    public void Configure(EntityTypeBuilder<Compound> builder)
    {
        builder.ToTable("compounds");
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasMaxLength(15);
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.CommunityCode).HasMaxLength(12);
        builder.Property(c => c.RegisteredBy).HasMaxLength(200);
        builder.HasOne<Regions.Region>().WithMany().HasForeignKey(c => c.CommunityCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.CommunityCode, c.Name }).IsUnique();
    }
}
