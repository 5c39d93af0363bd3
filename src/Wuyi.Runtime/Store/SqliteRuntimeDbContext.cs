using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Wuyi.Runtime.Store;

/// <summary>The runtime tables on SQLite; its migrations are under <c>Store/Migrations/Sqlite</c>.</summary>
public sealed class SqliteRuntimeDbContext(DbContextOptions<SqliteRuntimeDbContext> options) : RuntimeDbContext(options)
{
    /// <inheritdoc />
    public override DateTimeOffset AsStored(DateTimeOffset at) => DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());

    /// <summary>
    /// SQLite has no timestamp type; EF would store DateTimeOffset as text with an offset, which neither
    /// orders nor compares correctly. Unix milliseconds (UTC) do both.
    /// </summary>
    protected override void ConfigureProvider(ModelBuilder modelBuilder)
    {
        var converter = new ValueConverter<DateTimeOffset, long>(v => v.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v));
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(t => t.GetProperties())
                     .Where(p => p.ClrType == typeof(DateTimeOffset) || p.ClrType == typeof(DateTimeOffset?)))
            property.SetValueConverter(converter);
    }
}
