using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wuyi.Certification.Epidemic;

namespace Wuyi.Certification.Persistence;

internal sealed class CloseContactConfiguration : IEntityTypeConfiguration<CloseContact>
{
    public void Configure(EntityTypeBuilder<CloseContact> builder)
    {
        builder.ToTable("close_contacts");
        builder.HasKey(c => new { c.AreaCode, c.Reference });
        builder.Property(c => c.AreaCode).HasMaxLength(15);
        builder.Property(c => c.Reference).HasMaxLength(200);
        builder.HasIndex(c => new { c.Reference, c.ClearedAt });
    }
}
