using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Wuyi.People.Audit;

namespace Wuyi.People.Persistence;

/// <summary>The people tables on SQLite; its migrations are under <c>Persistence/Migrations/Sqlite</c>.</summary>
public sealed class SqlitePeopleDbContext(DbContextOptions<SqlitePeopleDbContext> options) : PeopleDbContext(options)
{
    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // The audit is filtered and ordered by time: SQLite would keep DateTimeOffset as text with its offset, which
        // does not order; Unix milliseconds (UTC) do, as in the runtime's tables.
        var converter = new ValueConverter<DateTimeOffset, long>(v => v.ToUnixTimeMilliseconds(), v => DateTimeOffset.FromUnixTimeMilliseconds(v));
        builder.Entity<AuditRecord>().Property(a => a.At).HasConversion(converter);
    }
}
