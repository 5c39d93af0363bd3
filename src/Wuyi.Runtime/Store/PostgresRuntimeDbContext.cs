using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Wuyi.Runtime.Store;

/// <summary>The runtime tables on PostgreSQL; its migrations are under <c>Store/Migrations/Postgres</c>.</summary>
public sealed class PostgresRuntimeDbContext(DbContextOptions<PostgresRuntimeDbContext> options) : RuntimeDbContext(options)
{
    /// <inheritdoc />
    public override DateTimeOffset AsStored(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerMicrosecond, TimeSpan.Zero);

    /// <summary>
    /// <c>timestamptz</c> stores an instant; Npgsql refuses a DateTimeOffset with a non-zero offset rather than
    /// guess. Models give local times (a task due <c>2022-08-31T00:00+08:00</c>): store the same instant in UTC.
    /// </summary>
    protected override void ConfigureProvider(ModelBuilder modelBuilder)
    {
        var converter = new ValueConverter<DateTimeOffset, DateTimeOffset>(v => v.ToUniversalTime(), v => v);
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(t => t.GetProperties())
                     .Where(p => p.ClrType == typeof(DateTimeOffset) || p.ClrType == typeof(DateTimeOffset?)))
            property.SetValueConverter(converter);
    }
}
