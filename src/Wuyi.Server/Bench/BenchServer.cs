using Npgsql;

namespace Wuyi.Server.Bench;

/// <summary>
/// The PostgreSQL server the benchmarks run on: creates a fresh database per benchmark and drops it after,
/// and reads the server-side counters that say where the time went (pg_stat_statements when it is loaded,
/// and the transaction id counter, which counts write transactions exactly).
/// </summary>
internal sealed class BenchServer(string adminConnectionString)
{
    private static int counter;

    public string AdminConnectionString { get; } = adminConnectionString;

    /// <summary>The server's version string, e.g. <c>PostgreSQL 15.14 …</c>.</summary>
    public async Task<string> VersionAsync(CancellationToken cancellationToken) =>
        "PostgreSQL " + (string)(await ScalarAsync(AdminConnectionString, "SHOW server_version", cancellationToken))!;

    /// <summary>Creates an empty database and returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(string purpose, CancellationToken cancellationToken)
    {
        var name = $"wuyi_bench_{purpose}_{Environment.ProcessId}_{Interlocked.Increment(ref counter)}".ToLowerInvariant();
        await ExecuteAsync(AdminConnectionString, $"CREATE DATABASE \"{name}\"", cancellationToken);
        return new NpgsqlConnectionStringBuilder(AdminConnectionString)
        {
            Database = name, Pooling = true, MaxPoolSize = 60, NoResetOnClose = true,
        }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>.</summary>
    public async Task DropDatabaseAsync(string connectionString, CancellationToken cancellationToken)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(AdminConnectionString, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", cancellationToken);
    }

    /// <summary>Counters of one database, read before and after a measured phase.</summary>
    public static async Task<ServerCounters> CountersAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint, pg_current_wal_lsn() - '0/0'::pg_lsn", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new ServerCounters(reader.GetInt64(0), (long)reader.GetDecimal(1));
    }

    /// <summary>Enables and resets pg_stat_statements in the database; false when the server has not loaded it.</summary>
    public static async Task<bool> ResetStatementsAsync(string connectionString, CancellationToken cancellationToken)
    {
        try
        {
            await ExecuteAsync(connectionString, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements", cancellationToken);
            await ExecuteAsync(connectionString, "SELECT pg_stat_statements_reset()", cancellationToken);
            return true;
        }
        catch (PostgresException)
        {
            return false;
        }
    }

    /// <summary>The statements run in this database since the reset, most total time first (ours excluded).</summary>
    public static async Task<List<StatementStats>> StatementsAsync(string connectionString, CancellationToken cancellationToken)
    {
        var result = new List<StatementStats>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT query, calls, total_exec_time, rows FROM pg_stat_statements
            WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND query NOT LIKE '%pg_stat_statements%' AND query NOT LIKE '%pg_current_snapshot%'
              AND query NOT LIKE 'CREATE EXTENSION%' AND query NOT LIKE 'SELECT count(*) FROM waits%'
            ORDER BY total_exec_time DESC
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            result.Add(new StatementStats(reader.GetString(0), reader.GetInt64(1), reader.GetDouble(2), reader.GetInt64(3)));
        return result;
    }

    public static async Task<object?> ScalarAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    public static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>The next transaction id (so write transactions between two readings) and the WAL position in bytes.</summary>
internal sealed record ServerCounters(long NextXid, long WalBytes);

/// <summary>One normalised statement's totals from pg_stat_statements.</summary>
internal sealed record StatementStats(string Query, long Calls, double TotalMilliseconds, long Rows);
