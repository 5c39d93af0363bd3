using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wuyi.Certification.Certifications;

namespace Wuyi.Certification.Persistence;

internal sealed class AreaNoticeConfiguration : IEntityTypeConfiguration<AreaNotice>
{
    public void Configure(EntityTypeBuilder<AreaNotice> builder)
    {
        builder.ToTable("area_notices");
        builder.HasKey(n => n.WaitId);
        builder.Property(n => n.WaitId).HasMaxLength(200);
        builder.Property(n => n.Kind).HasMaxLength(50);
        builder.Property(n => n.AreaCode).HasMaxLength(15);
        builder.Property(n => n.InstanceId).HasMaxLength(100);
        builder.HasIndex(n => n.AreaCode);
    }
}
