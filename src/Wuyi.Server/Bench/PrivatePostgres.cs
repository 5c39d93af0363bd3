using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Wuyi.Server.Bench;

/// <summary>
/// A private PostgreSQL cluster in a temporary folder: initdb, started with pg_ctl on a free loopback port, stopped
/// and deleted afterwards (at the latest when the process exits; a folder left by a killed process is swept at the
/// next start). PostgreSQL refuses to run as root, so as root the cluster runs as the <c>postgres</c> OS user.
/// <c>wuyi bench</c> runs it <em>durable</em> (fsync and synchronous commit on: the benchmark's ceiling is the WAL
/// flush, as in production); the tests (tests/Wuyi.Testing compiles this same file) run it <em>throwaway</em>.
/// </summary>
internal sealed class PrivatePostgres : IDisposable
{
    private readonly string directory;
    private readonly string data;
    private readonly bool asRoot;
    private readonly bool durable;
    private int stopped;

    private PrivatePostgres(string directory, string data, bool asRoot, bool durable, string adminConnectionString)
    {
        this.directory = directory;
        this.data = data;
        this.asRoot = asRoot;
        this.durable = durable;
        AdminConnectionString = adminConnectionString;
    }

    /// <summary>The <c>postgres</c> database as the superuser.</summary>
    public string AdminConnectionString { get; }

    /// <summary>The settings the cluster runs with (they go into the report).</summary>
    public static string Settings =>
        "fsync=on, synchronous_commit=on, shared_buffers=1GB, max_wal_size=8GB, checkpoint_timeout=30min, max_connections=200";

    /// <summary>Initialises and starts a cluster; throws when the PostgreSQL binaries are missing or fail.</summary>
    /// <param name="durable">Settings as in production (benchmarks); otherwise fsync is off (a throwaway cluster need
    /// not survive a power cut, and tests run much faster).</param>
    public static PrivatePostgres Start(bool durable)
    {
        var asRoot = Environment.UserName == "root";
        var prefix = FolderPrefix(durable);
        RemoveLeftovers(prefix, asRoot);
        var directory = Path.Combine(Path.GetTempPath(), $"{prefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        StartReaper(directory, Path.Combine(directory, "data"), asRoot); // before the folder exists: no moment is uncovered
        Directory.CreateDirectory(directory);
        if (asRoot)
            Run("chown", ["postgres:postgres", directory], asPostgres: false);
        var data = Path.Combine(directory, "data");
        var port = FreeLoopbackPort();
        Run("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", .. durable ? (string[])[] : ["--no-sync"]], asRoot);
        Run("pg_ctl", ["-D", data, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "120", "start", "-o",
            $"-p {port} -c listen_addresses=127.0.0.1 -k {directory} " + (durable
                ? "-c max_connections=200 -c shared_buffers=1GB -c max_wal_size=8GB -c checkpoint_timeout=30min " +
                  "-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.max=2000 -c pg_stat_statements.track_utility=on"
                : "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300")], asRoot);
        var admin = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size={(durable ? 60 : 50)}";
        var server = new PrivatePostgres(directory, data, asRoot, durable, admin);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Dispose();
        return server;
    }

    /// <summary>Stops the cluster and deletes its folder.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref stopped, 1) == 1)
            return;
        NpgsqlConnection.ClearAllPools();
        try
        {
            Run("pg_ctl", ["-D", data, "-m", durable ? "fast" : "immediate", "-w", "stop"], asRoot);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            // Already stopped; the folder goes anyway.
        }
        finally
        {
            Run("rm", ["-rf", directory], asPostgres: false);
        }
    }

    /// <summary>
    /// A killed process runs no clean-up, and pg_ctl's postmaster outlives it: a small shell, detached from this
    /// process's tree (so a tree kill spares it), waits for this process to end and then stops the cluster and
    /// deletes its folder. It starts before initdb, as initdb and pg_ctl go on after their parent is killed: it stops
    /// the cluster until no process runs on it any more. After a clean exit it finds the folder gone.
    /// </summary>
    private static void StartReaper(string directory, string data, bool asRoot)
    {
        var stop = (asRoot ? "runuser -u postgres -- " : "") + $"pg_ctl -D '{data}' -m immediate -w stop";
        var script = $"exec </dev/null >/dev/null 2>&1; while kill -0 {Environment.ProcessId}; do sleep 1; done; i=0; " +
                     $"while [ $i -lt 120 ]; do if [ -f '{data}/postmaster.pid' ]; then {stop}; fi; " +
                     $"pgrep -f -- '-D[ ]{data}' || break; i=$((i+1)); sleep 1; done; rm -rf '{directory}'";
        try
        {
            using var reaper = Process.Start(new ProcessStartInfo("setsid", ["-f", "sh", "-c", script]) { UseShellExecute = false });
            reaper?.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No setsid (not Linux): the next start sweeps what a killed process left.
        }
    }

    private static string FolderPrefix(bool durable) => durable ? "wuyi-bench-pg-" : "wuyi-pg-";

    // A process killed before its clean-up leaves a cluster behind; the next start sweeps it up.
    private static void RemoveLeftovers(string prefix, bool asRoot)
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), prefix + "*"))
        {
            var rest = Path.GetFileName(folder)[prefix.Length..];
            if (!int.TryParse(rest.Split('-')[0], out var pid) || IsAlive(pid))
                continue;
            var data = Path.Combine(folder, "data");
            if (File.Exists(Path.Combine(data, "postmaster.pid")))
                try { Run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"], asRoot); }
                catch (InvalidOperationException) { /* already stopped */ }
            Run("rm", ["-rf", folder], asPostgres: false);
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
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {program}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"cannot start {program} (is PostgreSQL installed and on PATH?): {e.Message}", e);
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(180)))
                throw new TimeoutException($"{program} did not finish in 180 s");
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result}{output.Result}");
        }
    }
}
