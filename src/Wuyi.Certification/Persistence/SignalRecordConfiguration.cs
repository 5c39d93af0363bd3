using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wuyi.Certification.Signals;

namespace Wuyi.Certification.Persistence;

internal sealed class SignalRecordConfiguration : IEntityTypeConfiguration<SignalRecord>
{
    public void Configure(EntityTypeBuilder<SignalRecord> builder)
    {
        builder.ToTable("signals");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(200);
        builder.Property(s => s.Type).HasMaxLength(50);
        builder.Property(s => s.Actor).HasMaxLength(200);
    }
}
