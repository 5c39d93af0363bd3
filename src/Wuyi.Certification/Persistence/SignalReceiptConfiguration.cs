using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wuyi.Certification.Signals;

namespace Wuyi.Certification.Persistence;

internal sealed class SignalReceiptConfiguration : IEntityTypeConfiguration<SignalReceipt>
{
    public void Configure(EntityTypeBuilder<SignalReceipt> builder)
    {
        builder.ToTable("signal_receipts");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.SignalId).HasMaxLength(200);
        builder.Property(r => r.Type).HasMaxLength(50);
        builder.Property(r => r.Code).HasMaxLength(SignalReceipt.MaxCodeLength);
        builder.Property(r => r.Actor).HasMaxLength(200);
        builder.Property(r => r.Outcome).HasMaxLength(16);
        builder.Property(r => r.Error).HasMaxLength(1000);
        builder.Property(r => r.Message).HasMaxLength(100);
        // The history lists newest first; a region's lists read a code range.
        builder.HasIndex(r => r.ReceivedAt);
        builder.HasIndex(r => r.Code);
    }
}
