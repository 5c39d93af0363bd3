using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Wuyi.Runtime.Instances;

/// <summary>Which failures mean "someone else got there first, try again" rather than "this is broken".</summary>
internal static class Transience
{
    public static bool IsRetryable(Exception e) => e switch
    {
        RevisionConflictException => true,
        DbUpdateException { InnerException: { } inner } => IsRetryable(inner),
        // 23505 unique violation (two nodes inserting the same key), 40001 serialization, 40P01 deadlock.
        PostgresException p => p.SqlState is "23505" or "40001" or "40P01",
        // 5 BUSY, 6 LOCKED; 19 CONSTRAINT covers the same unique race on SQLite.
        SqliteException s => s.SqliteErrorCode is 5 or 6 or 19,
        _ => false,
    };
}
