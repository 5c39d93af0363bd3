using Npgsql;
using Wuyi.Server.Bench;

namespace Wuyi.Testing;

/// <summary>
/// A real PostgreSQL server for the tests: the one named by <c>WUYI_TEST_POSTGRES</c>, or else a private
/// throwaway cluster (the bench's <see cref="PrivatePostgres"/>, fsync off) shared by the whole test run and torn
/// down when the process exits.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<PostgresServer> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static int databaseCounter;

    private PostgresServer(string adminConnectionString) => AdminConnectionString = adminConnectionString;

    /// <summary>The server of this test run, started on first use.</summary>
    public static PostgresServer Instance => Shared.Value;

    /// <summary>A connection string to the server's <c>postgres</c> database, as a superuser.</summary>
    public string AdminConnectionString { get; }

    /// <summary>Creates an empty database with a unique name and returns a connection string to it.</summary>
    public string CreateDatabase(string purpose = "test")
    {
        var name = $"wuyi_{purpose}_{Environment.ProcessId}_{Interlocked.Increment(ref databaseCounter)}".ToLowerInvariant();
        using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            command.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    private static PostgresServer Start()
    {
        var configured = Environment.GetEnvironmentVariable("WUYI_TEST_POSTGRES");
        return new PostgresServer(string.IsNullOrWhiteSpace(configured)
            ? PrivatePostgres.Start(durable: false).AdminConnectionString // stopped and deleted at process exit
            : configured);
    }
}
