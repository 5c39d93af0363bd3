using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Wuyi.Testing;

/// <summary>
/// A real PostgreSQL server for the tests: the one named by <c>WUYI_TEST_POSTGRES</c>, or else a private
/// throwaway cluster (initdb + pg_ctl) on a free loopback port, shared by the whole test run and torn
/// down when the process exits. PostgreSQL refuses to run as root, so as root the cluster runs as the
/// <c>postgres</c> OS user.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<PostgresServer> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static int databaseCounter;
    private readonly string? clusterDirectory;

    private PostgresServer(string adminConnectionString, string? clusterDirectory)
    {
        AdminConnectionString = adminConnectionString;
        this.clusterDirectory = clusterDirectory;
    }

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
        if (!string.IsNullOrWhiteSpace(configured))
            return new PostgresServer(configured, null);

        var asRoot = Environment.UserName == "root";
        RemoveLeftovers(asRoot);
        var directory = Path.Combine(Path.GetTempPath(), $"wuyi-pg-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        if (asRoot)
            Run("chown", ["postgres:postgres", directory], asPostgres: false);
        var data = Path.Combine(directory, "data");
        var port = FreeLoopbackPort();

        Run("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], asRoot);
        // fsync off: a throwaway cluster need not survive a power cut, and the tests run much faster.
        Run("pg_ctl", ["-D", data, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "60", "start",
            "-o", $"-p {port} -c listen_addresses=127.0.0.1 -k {directory} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"], asRoot);

        var server = new PostgresServer($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50", directory);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop(data, asRoot);
        return server;
    }

    private void Stop(string data, bool asRoot)
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            Run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"], asRoot);
        }
        finally
        {
            if (clusterDirectory is not null)
                Run("rm", ["-rf", clusterDirectory], asPostgres: false);
        }
    }

    // A test run killed before its exit handler leaves a cluster behind; the next run sweeps it up.
    private static void RemoveLeftovers(bool asRoot)
    {
        foreach (var directory in Directory.GetDirectories(Path.GetTempPath(), "wuyi-pg-*"))
        {
            var parts = Path.GetFileName(directory).Split('-');
            if (parts.Length < 3 || !int.TryParse(parts[2], out var pid) || IsAlive(pid))
                continue;
            var data = Path.Combine(directory, "data");
            if (File.Exists(Path.Combine(data, "postmaster.pid")))
                try { Run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"], asRoot); }
                catch (InvalidOperationException) { /* already stopped */ }
            Run("rm", ["-rf", directory], asPostgres: false);
        }
    }

    private static bool IsAlive(int pid)
    {
        try { return !Process.GetProcessById(pid).HasExited; }
        catch (ArgumentException) { return false; }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string program, string[] arguments, bool asPostgres)
    {
        var start = asPostgres
            ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", program, .. arguments])
            : new ProcessStartInfo(program, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
            throw new TimeoutException($"{program} did not finish in 120 s");
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result}{output.Result}");
    }
}
