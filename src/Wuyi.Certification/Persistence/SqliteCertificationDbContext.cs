using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Wuyi.Certification.Certifications;

namespace Wuyi.Certification.Persistence;

/// <summary>The certification tables on SQLite; its migrations are under <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteCertificationDbContext(DbContextOptions<SqliteCertificationDbContext> options)
    : CertificationDbContext(options)
{
    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // Lists order certifications by date: SQLite would keep DateTimeOffset as text with its offset, which does not
        // order; Unix milliseconds (UTC) do, as in the runtime's tables. (The older tables are only compared by equality
        // or per area, so they keep their text columns.)
        var converter = new ValueConverter<DateTimeOffset, long>(v => v.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v));
        foreach (var property in modelBuilder.Entity<CertificationRecord>().Metadata.GetProperties()
                     .Where(p => p.ClrType == typeof(DateTimeOffset) || p.ClrType == typeof(DateTimeOffset?)))
            property.SetValueConverter(converter);
        // The signal history orders and filters by when a signal was received.
        modelBuilder.Entity<Signals.SignalReceipt>().Property(r => r.ReceivedAt).HasConversion(converter);
    }
}
