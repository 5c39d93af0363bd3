using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Wuyi.Server.Bench;

/// <summary>
/// The physical limit of the cluster: pgbench with a custom script of one one-row update and one one-row insert
/// per transaction (what a runtime transition minimally writes), at several client counts.
/// </summary>
internal static partial class Pgbench
{
    private const int Rows = 100_000;

    private const string Script = """
        \set id random(1, 100000)
        BEGIN;
        UPDATE bench_rows SET n = n + 1, at = now() WHERE id = :id;
        INSERT INTO bench_log (row_id, at) VALUES (:id, now());
        COMMIT;
        """;

    /// <summary>pgbench's path, or null when it is not installed.</summary>
    public static string? Locate()
    {
        var candidates = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "pgbench"))
            .Concat(Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").Order().Reverse().Select(d => Path.Combine(d, "bin", "pgbench"))
                : []);
        return candidates.FirstOrDefault(File.Exists);
    }

    /// <summary>Creates the table pair and runs the script for <paramref name="seconds"/> at each client count.</summary>
    public static async Task<List<PgbenchRun>> RunAsync(string pgbench, string connectionString, IEnumerable<int> clients, int seconds,
        TextWriter log, CancellationToken cancellationToken)
    {
        await BenchServer.ExecuteAsync(connectionString, $"""
            CREATE TABLE bench_rows (id int PRIMARY KEY, n bigint NOT NULL DEFAULT 0, at timestamptz);
            INSERT INTO bench_rows (id) SELECT g FROM generate_series(1, {Rows}) g;
            CREATE TABLE bench_log (id bigserial PRIMARY KEY, row_id int NOT NULL, at timestamptz NOT NULL, payload text);
            """, cancellationToken);
        await BenchServer.ExecuteAsync(connectionString, "VACUUM ANALYZE bench_rows", cancellationToken);
        var script = Path.Combine(Path.GetTempPath(), $"wuyi-bench-{Environment.ProcessId}.pgbench.sql");
        await File.WriteAllTextAsync(script, Script + "\n", cancellationToken);
        try
        {
            var runs = new List<PgbenchRun>();
            foreach (var c in clients)
            {
                await log.WriteLineAsync($"  pgbench -c {c} -j {c} -T {seconds} …");
                runs.Add(new PgbenchRun(c, await RunOnceAsync(pgbench, connectionString, script, c, seconds, cancellationToken)));
            }
            return runs;
        }
        finally
        {
            File.Delete(script);
        }
    }

    private static async Task<double> RunOnceAsync(string pgbench, string connectionString, string script, int clients, int seconds,
        CancellationToken cancellationToken)
    {
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(pgbench,
        [
            "-n", "-f", script, "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", clients.ToString(CultureInfo.InvariantCulture),
            "-T", seconds.ToString(CultureInfo.InvariantCulture), "-h", cs.Host ?? "127.0.0.1",
            "-p", cs.Port.ToString(CultureInfo.InvariantCulture), "-U", cs.Username ?? "postgres", cs.Database ?? "postgres",
        ])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        if (!string.IsNullOrEmpty(cs.Password))
            start.Environment["PGPASSWORD"] = cs.Password;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start pgbench");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var text = await output;
        if (process.ExitCode != 0 || TpsLine().Match(text) is not { Success: true } match)
            throw new InvalidOperationException($"pgbench failed ({process.ExitCode}): {await error}{text}");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \((?:without|excluding) initial connection")]
    private static partial Regex TpsLine();
}

/// <summary>One pgbench run: transactions per second at a client count.</summary>
internal sealed record PgbenchRun(int Clients, double Tps);
