using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wuyi.Certification.Inspections;

namespace Wuyi.Certification.Persistence;

internal sealed class InspectionPolicyConfiguration : IEntityTypeConfiguration<InspectionPolicy>
{
    public void Configure(EntityTypeBuilder<InspectionPolicy> builder)
    {
        builder.ToTable("inspection_policy");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Interval).HasMaxLength(32);
        builder.Property(p => p.FirstCheckWithin).HasMaxLength(32);
        builder.Property(p => p.UpdatedBy).HasMaxLength(200);
    }
}
