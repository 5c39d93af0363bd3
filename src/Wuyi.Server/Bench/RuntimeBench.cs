using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Wuyi.Runtime.Messages;
using Wuyi.Runtime.Persistence;
using Wuyi.Runtime.Tasks;
using Wuyi.Runtime.Timers;

namespace Wuyi.Server.Bench;

/// <summary>
/// <c>wuyi bench</c>: the runtime's benchmarks of issue 4, side by side with pgbench on the same PostgreSQL, each on
/// a fresh database, in this process with a manual clock and no background loop.
/// </summary>
internal sealed class RuntimeBench(BenchSettings settings, TextWriter log)
{
    private List<string> Failures { get; } = [];

    /// <summary>Runs the selected benchmarks; returns the figures.</summary>
    public async Task<BenchResults> RunAsync(CancellationToken cancellationToken)
    {
        using var cluster = settings.Database is null ? StartCluster() : null;
        var server = new BenchServer(cluster?.AdminConnectionString ?? AdminOf(settings.Database!));
        var results = new BenchResults
        {
            Machine = MachineInfo.Read(), Scale = settings.Scale, Parallelism = settings.Parallelism,
            Command = $"wuyi bench --scale {settings.Scale}" + (settings.Instances is { } n ? $" --instances {n}" : "")
                + (settings.Only.Count > 0 ? $" --only {string.Join(',', settings.Only)}" : "") + (settings.Database is null ? "" : " --db …"),
            Cluster = cluster is null ? "the server given with --db" : $"a private cluster on this machine ({PrivatePostgres.Settings})",
        };
        results.PostgresVersion = await server.VersionAsync(cancellationToken);
        await log.WriteLineAsync($"Machine: {results.Machine.Describe()}");
        await log.WriteLineAsync($"Database: {results.PostgresVersion}, {results.Cluster}");

        var loadBegin = LoadAverage();
        if (settings.Runs("pgbench"))
            await PgbenchAsync(server, results.Pgbench, results, cancellationToken);
        if (settings.Runs("start"))
            await OnFreshDatabaseAsync(server, "start", async cs => results.StartComplete = await StartCompleteAsync(cs, cancellationToken), cancellationToken);
        if (settings.Runs("fanout"))
            foreach (var size in settings.FanOutSizes)
            {
                await OnFreshDatabaseAsync(server, "fanout", async cs => results.FanOuts.Add(await FanOutAsync(cs, size, cancellationToken)), cancellationToken);
                await OnFreshDatabaseAsync(server, "broadcast", async cs => results.Broadcasts.Add(await BroadcastAsync(cs, size, cancellationToken)), cancellationToken);
            }
        if (settings.Runs("timers"))
            await OnFreshDatabaseAsync(server, "timers", async cs => results.Timers = await TimersAsync(cs, settings.TimerCount, cancellationToken), cancellationToken);
        if (settings.Runs("memory"))
            foreach (var size in settings.MemorySizes)
                await OnFreshDatabaseAsync(server, "memory", async cs => results.Memory.Add(await MemoryAsync(cs, size, cancellationToken)), cancellationToken);
        if (settings.Runs("certification"))
        {
            await OnFreshDatabaseAsync(server, "certification", async cs => results.Certification = await new CertificationBench(settings, log).RunAsync(cs, cancellationToken),
                cancellationToken);
            // The bursts are fan-outs through the domain: the runtime's bare fan-out of the same size, in the same run, is their yardstick.
            if (results.Certification is { } certification && results.FanOuts.All(f => f.Instances != certification.Instances))
            {
                await log.WriteLineAsync($"  (reference for the bursts: the runtime's fan-out to {certification.Instances:N0} instances)");
                await OnFreshDatabaseAsync(server, "fanout", async cs => results.ReferenceFanOut = await FanOutAsync(cs, certification.Instances, cancellationToken),
                    cancellationToken);
            }
        }
        if (settings.Runs("latency"))
            await OnFreshDatabaseAsync(server, "latency", async cs => results.Latency.AddRange(await new ActionLatencyBench(settings, log).RunAsync(cs, cancellationToken)),
                cancellationToken);
        if (settings.Runs("pgbench") && results.PgbenchMissing is null && settings.Only.Count != 1)
            await PgbenchAsync(server, results.PgbenchAfter, results, cancellationToken);
        results.LoadAverage = (loadBegin, LoadAverage());
        results.Failures.AddRange(Failures);
        return results;
    }

    private PrivatePostgres StartCluster()
    {
        log.WriteLine("Starting a private PostgreSQL cluster (initdb, pg_ctl) …");
        return PrivatePostgres.Start(durable: true);
    }

    private static string AdminOf(string database)
    {
        var (target, error) = DatabaseTarget.Parse(database, ".");
        if (target is null)
            throw new BenchException(error!);
        if (target.Provider != DatabaseProvider.PostgreSql)
            throw new BenchException("wuyi bench needs PostgreSQL: give --db a postgresql:// URL or an Npgsql connection string, or no --db for a private cluster.");
        return target.ConnectionString;
    }

    // One benchmark that fails is reported and the others still run: a long run is not lost to one failure.
    private async Task OnFreshDatabaseAsync(BenchServer server, string purpose, Func<string, Task> body, CancellationToken cancellationToken)
    {
        var cs = await server.CreateDatabaseAsync(purpose, cancellationToken);
        try
        {
            await body(cs);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or Npgsql.NpgsqlException or Microsoft.EntityFrameworkCore.DbUpdateException
                                       or BenchException)
        {
            Failures.Add($"{purpose}: {e.GetType().Name}: {e.Message}");
            await log.WriteLineAsync($"  FAILED: {e}");
        }
        finally
        {
            if (settings.KeepDatabases && settings.Database is not null)
                await log.WriteLineAsync($"  kept the database {new Npgsql.NpgsqlConnectionStringBuilder(cs).Database}");
            else
                await server.DropDatabaseAsync(cs, CancellationToken.None);
        }
    }

    private static double LoadAverage()
    {
        try
        {
            return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return double.NaN;
        }
    }

    private async Task PgbenchAsync(BenchServer server, List<PgbenchRun> runs, BenchResults results, CancellationToken cancellationToken)
    {
        await log.WriteLineAsync($"(5) pgbench{(runs == results.PgbenchAfter ? " again" : "")}: one-row update + one-row insert per transaction");
        if (Pgbench.Locate() is not { } pgbench)
        {
            results.PgbenchMissing = "pgbench is not installed (postgresql-contrib / postgresql-client): no physical limit to compare with";
            await log.WriteLineAsync($"  {results.PgbenchMissing}");
            return;
        }
        await OnFreshDatabaseAsync(server, "pgbench", async cs =>
        {
            runs.AddRange(await Pgbench.RunAsync(pgbench, cs, BenchSettings.PgbenchClients, settings.PgbenchSeconds, log, cancellationToken));
            foreach (var run in runs)
                await log.WriteLineAsync($"  -c {run.Clients}: {run.Tps:N0} tps");
        }, cancellationToken);
    }

    private async Task<StartCompleteResult> StartCompleteAsync(string cs, CancellationToken cancellationToken)
    {
        var n = settings.StartCompleteInstances;
        await log.WriteLineAsync($"(1) start-and-complete: {n:N0} instances of start → user task → end, {settings.Parallelism} concurrent requests");
        await using var runtime = await BenchRuntime.CreateAsync(cs, cancellationToken);
        await runtime.DeployAsync(BenchModels.Review, cancellationToken);
        // Warm-up: pools, the parsed model, and the JIT, which keeps tiering methods up for tens of seconds (dotnet-counters
        // saw ~750 methods/s through a whole 12 s run after a 200-instance warm-up): 3,000 instances leave less of it in
        // the measurement (2.0 instead of 3.3 ms of wuyi CPU per transition, same machine, same hour).
        await StartAndCompleteAsync(runtime, -3_000, 0, cancellationToken);
        var meter = await PhaseMeter.StartAsync(cs, cancellationToken);
        await StartAndCompleteAsync(runtime, 0, n, cancellationToken);
        var phase = await meter.StopAsync(2L * n, cancellationToken);
        await log.WriteLineAsync($"  {phase.Elapsed.TotalSeconds:0.0} s: {n / phase.Elapsed.TotalSeconds:N0} instances/s, {phase.PerSecond:N0} transitions/s");
        return new StartCompleteResult(n, phase);
    }

    private async Task StartAndCompleteAsync(BenchRuntime runtime, int from, int to, CancellationToken cancellationToken)
    {
        var next = from;
        var workers = Enumerable.Range(0, settings.Parallelism).Select(_ => Task.Run(async () =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) <= to)
            {
                var id = await runtime.StartAsync(BenchModels.ReviewKey, $"r{n}", cancellationToken);
                // The engine numbers an instance's waits from 1: the user task is wait 1, and its id is the wait's.
                var done = await runtime.RequestAsync(s => s.GetRequiredService<TaskInbox>().CompleteAsync($"{id}/w1",
                    new Dictionary<string, object?> { ["approved"] = true }, "bench", cancellationToken), cancellationToken);
                if (done.Status != TaskActionStatus.Done)
                    throw new InvalidOperationException($"completing {id}/w1 was {done.Status}: {done.Conflict}");
            }
        }, cancellationToken)).ToList();
        await Task.WhenAll(workers);
    }

    private async Task<PhaseFigures> SeedAsync(BenchRuntime runtime, string processKey, int count, CancellationToken cancellationToken)
    {
        await log.WriteLineAsync($"  seeding {count:N0} waiting instances in batches of {BenchRuntime.SeedBatch}, {settings.Parallelism} at a time …");
        var meter = await PhaseMeter.StartAsync(runtime.ConnectionString, cancellationToken);
        var progress = new Progress<int>(n => log.WriteLine($"    {n:N0} started"));
        await runtime.SeedAsync(processKey, count, settings.Parallelism, count >= 50_000 ? progress : null, cancellationToken);
        var seeding = await meter.StopAsync(count, cancellationToken);
        await log.WriteLineAsync($"  seeded in {seeding.Elapsed.TotalSeconds:0.0} s: {seeding.PerSecond:N0} starts/s");
        return seeding;
    }

    private async Task<WaitingResult> FanOutAsync(string cs, int count, CancellationToken cancellationToken)
    {
        await log.WriteLineAsync($"(2) fan-out: one message to {count:N0} waiting instances (region prefix {BenchModels.RegionPrefix})");
        await using var runtime = await BenchRuntime.CreateAsync(cs, cancellationToken);
        await runtime.DeployAsync(BenchModels.Burst, cancellationToken);
        var seeding = await SeedAsync(runtime, BenchModels.BurstKey, count, cancellationToken);
        var meter = await PhaseMeter.StartAsync(cs, cancellationToken);
        CorrelationResult result;
        using (Watch(cs, "waits", count))
            result = await runtime.RequestAsync(s => s.GetRequiredService<MessageCorrelation>().CorrelateAsync(new MessageRequest(
                BenchModels.BurstMessage, null, BenchModels.RegionPrefix, "bench-burst", new Dictionary<string, object?> { ["level"] = "high" },
                TimeSpan.Zero, "bench"), cancellationToken), cancellationToken);
        var phase = await meter.StopAsync(result.Correlated.Count, cancellationToken);
        await ExpectAllDoneAsync(cs, count, result.Correlated.Count, cancellationToken);
        await log.WriteLineAsync($"  all applied in {phase.Elapsed.TotalSeconds:0.0} s: {phase.PerSecond:N0} transitions/s");
        return new WaitingResult("fan-out", count, seeding, phase);
    }

    // A signal reaches every instance waiting for it, as POST /api/broadcasts sends it: the fan-out's yardstick in the same run.
    private async Task<WaitingResult> BroadcastAsync(string cs, int count, CancellationToken cancellationToken)
    {
        await log.WriteLineAsync($"(2) broadcast: one signal to {count:N0} waiting instances");
        await using var runtime = await BenchRuntime.CreateAsync(cs, cancellationToken);
        await runtime.DeployAsync(BenchModels.Signal, cancellationToken);
        var seeding = await SeedAsync(runtime, BenchModels.SignalKey, count, cancellationToken);
        var meter = await PhaseMeter.StartAsync(cs, cancellationToken);
        CorrelationResult result;
        using (Watch(cs, "waits", count))
            result = await runtime.RequestAsync(s => s.GetRequiredService<SignalBroadcast>().BroadcastAsync(BenchModels.SignalName,
                new Dictionary<string, object?> { ["level"] = "high" }, "bench-broadcast", "bench", cancellationToken), cancellationToken);
        var phase = await meter.StopAsync(result.Correlated.Count, cancellationToken);
        await ExpectAllDoneAsync(cs, count, result.Correlated.Count, cancellationToken);
        await log.WriteLineAsync($"  all applied in {phase.Elapsed.TotalSeconds:0.0} s: {phase.PerSecond:N0} transitions/s");
        return new WaitingResult("broadcast", count, seeding, phase);
    }

    private async Task<WaitingResult> TimersAsync(string cs, int count, CancellationToken cancellationToken)
    {
        await log.WriteLineAsync($"(3) timers: {count:N0} timers due at the same instant, fired by one clock advance");
        await using var runtime = await BenchRuntime.CreateAsync(cs, cancellationToken);
        await runtime.DeployAsync(BenchModels.Timer, cancellationToken);
        var seeding = await SeedAsync(runtime, BenchModels.TimerKey, count, cancellationToken);
        var meter = await PhaseMeter.StartAsync(cs, cancellationToken);
        (DateTimeOffset Now, int Fired) advanced;
        using (Watch(cs, "waits", count))
            advanced = await runtime.RequestAsync(s => s.GetRequiredService<ClockAdvance>().AdvanceAsync(BenchModels.TimerDelay, cancellationToken), cancellationToken);
        var phase = await meter.StopAsync(advanced.Fired, cancellationToken);
        await ExpectAllDoneAsync(cs, count, advanced.Fired, cancellationToken);
        await log.WriteLineAsync($"  all fired in {phase.Elapsed.TotalSeconds:0.0} s: {phase.PerSecond:N0} transitions/s");
        return new WaitingResult("timers", count, seeding, phase);
    }

    private async Task<MemoryResult> MemoryAsync(string cs, int count, CancellationToken cancellationToken)
    {
        await log.WriteLineAsync($"(4) memory: {count:N0} waiting instances");
        PhaseFigures seeding;
        long rss, heap;
        await using (var runtime = await BenchRuntime.CreateAsync(cs, cancellationToken))
        {
            await runtime.DeployAsync(BenchModels.Burst, cancellationToken);
            seeding = await SeedAsync(runtime, BenchModels.BurstKey, count, cancellationToken);
            heap = MemoryProbe.Collect();
            rss = MemoryProbe.ResidentBytes();
        }
        var (childRss, childHeap) = await MemoryProbe.MeasureInChildAsync(cs, log, cancellationToken);
        await log.WriteLineAsync($"  this process after seeding and GC: RSS {Mib(rss)} MiB, heap {Mib(heap)} MiB; " +
            $"a fresh process: RSS {Mib(childRss)} MiB, heap {Mib(childHeap)} MiB");
        return new MemoryResult(count, seeding, rss, heap, childRss, childHeap);
    }

    internal static string Mib(long? bytes) => bytes is { } b ? (b / (1024.0 * 1024)).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : "–";

    private static async Task ExpectAllDoneAsync(string cs, int expected, int reported, CancellationToken cancellationToken)
    {
        var waiting = Convert.ToInt64(await BenchServer.ScalarAsync(cs, "SELECT count(*) FROM waits", cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        if (reported != expected || waiting != 0)
            throw new InvalidOperationException($"expected {expected} transitions and no waits left; the runtime reported {reported}, {waiting} waits remain");
    }

    // Prints progress of a long single call (a fan-out, a clock advance) by counting the rows it consumes.
    private IDisposable Watch(string cs, string table, int total)
    {
        var stop = new CancellationTokenSource();
        _ = Task.Run(async () =>
        {
            var started = Stopwatch.StartNew();
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    await Task.Delay(TimeSpan.FromSeconds(15), stop.Token);
                    var left = Convert.ToInt64(await BenchServer.ScalarAsync(cs, $"SELECT count(*) FROM {table}", stop.Token), System.Globalization.CultureInfo.InvariantCulture);
                    await log.WriteLineAsync($"    {started.Elapsed.TotalSeconds:0} s: {total - left:N0} of {total:N0} applied");
                }
            }
            catch (Exception e) when (e is OperationCanceledException or Npgsql.NpgsqlException or ObjectDisposedException)
            {
                // The watched call ended (or the database is going away): progress is only a courtesy.
            }
        });
        return new Stopper(stop);
    }

    private sealed class Stopper(CancellationTokenSource source) : IDisposable
    {
        public void Dispose() => source.Cancel();
    }
}

/// <summary>A bench that cannot run as asked (bad --db, …): reported as an error, not a crash.</summary>
internal sealed class BenchException(string message) : Exception(message);
