using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wuyi.Runtime.Store;
using Wuyi.Runtime.Tasks;

namespace Wuyi.Server.Bench;

/// <summary>
/// Benchmark (7), the speed of one person's action: task completions (one transition each, through
/// <see cref="TaskInbox"/> as the API calls it) under 4, 16 and 64 concurrent requests, with each completion's latency,
/// against pgbench's single-client rate of the same run (a person's action is one transaction, as pgbench's is).
/// </summary>
internal sealed class ActionLatencyBench(BenchSettings settings, TextWriter log)
{
    /// <summary>Concurrent requests measured.</summary>
    public static readonly int[] Concurrency = [4, 16, 64];

    /// <summary>Completions measured at each concurrency.</summary>
    private int Completions => settings.Full ? 10_000 : 2_000;

    public async Task<List<LatencyResult>> RunAsync(string connectionString, CancellationToken cancellationToken)
    {
        await log.WriteLineAsync($"(7) one person's action: {Completions:N0} task completions at {string.Join(", ", Concurrency)} concurrent requests");
        await using var runtime = await BenchRuntime.CreateAsync(connectionString, cancellationToken);
        await runtime.DeployAsync(BenchModels.Review, cancellationToken);
        await CompleteAsync(runtime, await SeedTasksAsync(runtime, 1_000, cancellationToken), 4, cancellationToken); // warm-up: pools, model, JIT
        var results = new List<LatencyResult>();
        foreach (var concurrency in Concurrency)
        {
            var tasks = await SeedTasksAsync(runtime, Completions, cancellationToken);
            var meter = await PhaseMeter.StartAsync(connectionString, cancellationToken);
            var started = Stopwatch.GetTimestamp();
            var latencies = await CompleteAsync(runtime, tasks, concurrency, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started);
            var phase = await meter.StopAsync(latencies.Count, cancellationToken);
            latencies.Sort();
            var result = new LatencyResult(concurrency, latencies.Count, latencies.Count / elapsed.TotalSeconds,
                Percentile(latencies, 0.50), Percentile(latencies, 0.99))
            {
                CpuMilliseconds = phase.ProcessCpu.TotalMilliseconds / Math.Max(1, latencies.Count),
                MachineCpuMilliseconds = phase.MachineBusySeconds * 1000 / Math.Max(1, latencies.Count),
                Statements = phase.StatementsPerTransition,
            };
            await log.WriteLineAsync(FormattableString.Invariant(
                $"  -c {concurrency}: {result.PerSecond:N0} completions/s, p50 {result.P50Milliseconds:0.0} ms, p99 {result.P99Milliseconds:0.0} ms, ") +
                FormattableString.Invariant($"{result.CpuMilliseconds:0.00} ms wuyi CPU and {result.MachineCpuMilliseconds:0.00} ms machine CPU per completion, ") +
                FormattableString.Invariant($"{result.Statements:0.00} statements per completion"));
            foreach (var st in phase.Statements?.Take(12) ?? [])
                await log.WriteLineAsync(FormattableString.Invariant(
                    $"      {st.Calls / (double)Math.Max(1, latencies.Count),5:0.00} × {st.TotalMilliseconds / Math.Max(1, st.Calls):0.000} ms  {Flat(st.Query)}"));
            results.Add(result);
        }
        return results;
    }

    private static async Task<List<string>> SeedTasksAsync(BenchRuntime runtime, int count, CancellationToken cancellationToken)
    {
        await runtime.SeedAsync(BenchModels.ReviewKey, count, 4, null, cancellationToken);
        return await runtime.RequestAsync(s => s.GetRequiredService<RuntimeDbContext>().UserTasks.AsNoTracking().Where(t => t.Status == "open")
            .Select(t => t.Id).ToListAsync(cancellationToken), cancellationToken);
    }

    private static async Task<List<double>> CompleteAsync(BenchRuntime runtime, List<string> tasks, int concurrency, CancellationToken cancellationToken)
    {
        var next = -1;
        var latencies = new List<double>[concurrency];
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            var mine = latencies[w] = [];
            int n;
            while ((n = Interlocked.Increment(ref next)) < tasks.Count)
            {
                var started = Stopwatch.GetTimestamp();
                var done = await runtime.RequestAsync(s => s.GetRequiredService<TaskInbox>().CompleteAsync(tasks[n],
                    new Dictionary<string, object?> { ["approved"] = true }, "bench", cancellationToken), cancellationToken);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (done.Status != TaskActionStatus.Done)
                    throw new InvalidOperationException($"completing {tasks[n]} was {done.Status}: {done.Conflict}");
            }
        }, cancellationToken)));
        return [.. latencies.SelectMany(l => l)];
    }

    private static string Flat(string query)
    {
        var flat = string.Join(' ', query.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= 120 ? flat : flat[..117] + "…";
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}

/// <summary>Benchmark (7) at one concurrency.</summary>
/// <param name="Concurrency">Concurrent requests.</param>
/// <param name="Completions">Task completions measured.</param>
/// <param name="PerSecond">Completions (transitions) per second.</param>
/// <param name="P50Milliseconds">Median latency of one completion.</param>
/// <param name="P99Milliseconds">99th percentile latency.</param>
internal sealed record LatencyResult(int Concurrency, int Completions, double PerSecond, double P50Milliseconds, double P99Milliseconds)
{
    /// <summary>This process's CPU time per completion (the runtime's own cost, whatever else runs on the machine).</summary>
    public double CpuMilliseconds { get; init; } = double.NaN;

    /// <summary>The whole machine's busy CPU time per completion (PostgreSQL's share included, and anything else running).</summary>
    public double MachineCpuMilliseconds { get; init; } = double.NaN;

    /// <summary>Statements PostgreSQL executed per completion, transaction control aside (pg_stat_statements; NaN without it).</summary>
    public double Statements { get; init; } = double.NaN;
}
