using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wuyi.Certification.Certifications;
using Wuyi.Certification.Persistence;
using Wuyi.Certification.Regions;
using Wuyi.Certification.Signals;
using Wuyi.Runtime.Store;
using Wuyi.Runtime.Tasks;
using Wuyi.Runtime.Timers;
using Wuyi.Server.Hosting;

namespace Wuyi.Server.Bench;

/// <summary>
/// <c>wuyi bench --only certification</c>: Hainan at full size — every village and community (3,296; the regions are
/// seeded at start) applies, passes the 7 days on the manual clock, is reviewed at the three levels and published,
/// through the same domain services the API calls; then close-contact bursts (<c>POST /api/signals</c> with a
/// region code): the county with the most areas, its clearance, and the whole province. A burst is timed until every
/// affected instance is suspended (the call returns once all are applied), then until the status table shows it.
/// </summary>
internal sealed class CertificationBench(BenchSettings settings, TextWriter log)
{
    private const string Actor = "bench";

    private static readonly Dictionary<string, bool> AllMet = Criteria.All(met: true);

    public async Task<CertificationResult> RunAsync(string cs, CancellationToken cancellationToken)
    {
        await using var runtime = await BenchRuntime.CreateAsync(cs, cancellationToken, certification: true);
        var seeded = await runtime.RequestAsync(s => s.GetRequiredService<RegionSeed>().SeedIfEmptyAsync(cancellationToken), cancellationToken);
        await ShippedWorkflows.DeployAsync(runtime.Services, new WuyiSettings(), cancellationToken);
        if (!await runtime.RequestAsync(s => s.GetRequiredService<RuntimeDbContext>().Definitions.AnyAsync(d => d.Key == CertificationProcess.Key,
                cancellationToken), cancellationToken))
            throw new BenchException("the certification model is not among the shipped workflows");
        var all = await runtime.RequestAsync(s => s.GetRequiredService<CertificationDbContext>().Regions.AsNoTracking()
            .Where(r => r.Level == RegionLevel.Village).OrderBy(r => r.Code).Select(r => r.Code).ToListAsync(cancellationToken), cancellationToken);
        var areas = Sample(all, settings.CertificationAreas);
        var n = areas.Count;
        await log.WriteLineAsync($"(6) certification: {n:N0} of Hainan's {all.Count:N0} villages and communities ({seeded:N0} regions seeded), " +
            $"{settings.Parallelism} concurrent requests");

        var applying = await MeasureAsync(runtime, "applications (start + eligibility service)", 2L * n,
            () => ForEachAsync(areas, code => ApplyAsync(runtime, code, cancellationToken)), cancellationToken);
        await ExpectStatusAsync(runtime, "46", "observing", n, cancellationToken);
        var observing = await MeasureAsync(runtime, "7 days on the manual clock (timers)", n, async () =>
        {
            // No area had an infection, so each one's 7 days are due at once; an advance of a whole week would also fire the
            // township reviews' reminder and escalation timers (two and three working days on), which this phase does not measure.
            var (_, fired) = await runtime.RequestAsync(s => s.GetRequiredService<ClockAdvance>().AdvanceAsync(TimeSpan.FromHours(1), cancellationToken),
                cancellationToken);
            if (fired != n)
                throw new InvalidOperationException($"the 7 days fired {fired} timers, not {n}");
        }, cancellationToken);
        var reviewing = await MeasureAsync(runtime, "three reviews + publication", 4L * n, async () =>
        {
            foreach (var level in ReviewLevels.Elements)
            {
                var tasks = await runtime.RequestAsync(s => s.GetRequiredService<RuntimeDbContext>().UserTasks.AsNoTracking()
                    .Where(t => t.ElementId == level && t.Status == "open").Select(t => t.Id).ToListAsync(cancellationToken), cancellationToken);
                if (tasks.Count != n)
                    throw new InvalidOperationException($"{tasks.Count} open {level} tasks, not {n}");
                await ForEachAsync(tasks, id => ReviewAsync(runtime, id, cancellationToken));
            }
        }, cancellationToken);
        await ExpectStatusAsync(runtime, "46", "certified", n, cancellationToken);

        var county = areas.GroupBy(a => a[..6]).MaxBy(g => g.Count())!;
        var countyBurst = await BurstAsync(runtime, "(a) county-wide close contact", county.Key, SignalTypes.CloseContact, "cc-county", county.Count(),
            "suspended", cancellationToken);
        var countyClear = await BurstAsync(runtime, "(a) the county's contact ruled out", county.Key, SignalTypes.CloseContactCleared, "cc-county",
            county.Count(), "certified", cancellationToken);
        var provinceBurst = await BurstAsync(runtime, "(b) province-wide close contact", "46", SignalTypes.CloseContact, "cc-province", n,
            "suspended", cancellationToken);
        var reads = await ReadsAsync(runtime, n, cancellationToken);
        return new CertificationResult(n, all.Count, applying, observing, reviewing, [countyBurst, countyClear, provinceBurst], reads);
    }

    /// <summary>What the status table buys: reads by status after the bursts, each the median of 5.</summary>
    private async Task<ReadFigures> ReadsAsync(BenchRuntime runtime, int n, CancellationToken cancellationToken)
    {
        async Task<TimeSpan> MedianAsync(Func<IServiceProvider, Task<int>> read)
        {
            var times = new List<TimeSpan>();
            for (var i = 0; i < 5; i++)
            {
                var watch = Stopwatch.StartNew();
                var count = await runtime.RequestAsync(read, cancellationToken);
                times.Add(watch.Elapsed);
                if (count != n && count != Math.Min(n, 50))
                    throw new InvalidOperationException($"a read found {count} certifications, not {n}");
            }
            return times.Order().ElementAt(2);
        }
        var catchUp = await MedianAsync(async s => await s.GetRequiredService<CertificationProjection>().CatchUpAsync(cancellationToken) + n);
        var page = await MedianAsync(async s => (await s.GetRequiredService<CertificationQueries>().ListAsync("46", "suspended", 1, 50, cancellationToken)).Total);
        var registry = await MedianAsync(async s => (await s.GetRequiredService<CertificationQueries>().RegistryAsync("46", cancellationToken)).Count);
        await log.WriteLineAsync($"  reads: a catch-up with nothing to project {Ms(catchUp)} ms, a page of suspended certifications {Ms(page)} ms, " +
            $"the province's registry ({n:N0} areas) {Ms(registry)} ms");
        return new ReadFigures(catchUp, page, registry);
    }

    internal static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary><paramref name="count"/> areas spread over all of them (every k-th), or all when null or not fewer.</summary>
    internal static List<string> Sample(List<string> all, int? count)
    {
        if (count is not { } wanted || wanted >= all.Count)
            return all;
        var step = all.Count / (double)Math.Max(1, wanted);
        return [.. Enumerable.Range(0, wanted).Select(i => all[(int)(i * step)])];
    }

    private async Task ApplyAsync(BenchRuntime runtime, string code, CancellationToken cancellationToken)
    {
        var outcome = await runtime.RequestAsync(s => s.GetRequiredService<CertificationApplications>().ApplyAsync(
            new CertificationApplication(code, AllMet, null), Actor, cancellationToken), cancellationToken);
        if (outcome.InstanceId is null)
            throw new InvalidOperationException($"the application of {code} was refused ({outcome.Refusal!.Kind}): {outcome.Refusal.Message}");
    }

    private static async Task ReviewAsync(BenchRuntime runtime, string taskId, CancellationToken cancellationToken)
    {
        var done = await runtime.RequestAsync(s => s.GetRequiredService<TaskInbox>().CompleteAsync(taskId,
            ReviewForm.Variables("approve", criteriaMet: true, "符合创建标准"), "bench-reviewer", cancellationToken), cancellationToken);
        if (done.Status != TaskActionStatus.Done)
            throw new InvalidOperationException($"completing {taskId} was {done.Status}: {done.Conflict}");
    }

    private async Task<BurstResult> BurstAsync(BenchRuntime runtime, string name, string region, string type, string reference, int expected,
        string status, CancellationToken cancellationToken)
    {
        var signal = new EpidemicSignal($"{reference}:{type}", type, null, region, runtime.Clock.GetUtcNow(), reference);
        var meter = await PhaseMeter.StartAsync(runtime.ConnectionString, cancellationToken);
        var outcome = (await runtime.RequestAsync(s => s.GetRequiredService<SignalIntake>().TakeAsync([signal], Actor, cancellationToken), cancellationToken))[0];
        if (outcome.Refusal is { } refusal)
            throw new InvalidOperationException($"{name}: the signal was refused ({refusal.Kind}): {refusal.Message}");
        var phase = await meter.StopAsync(outcome.Instances.Count, cancellationToken);
        if (outcome.Instances.Count != expected)
            throw new InvalidOperationException($"{name}: {outcome.Instances.Count} instances reached, not {expected}");
        await ExpectStatusAsync(runtime, region, status, expected, cancellationToken); // before any repair: the transitions wrote the rows
        var projecting = Stopwatch.StartNew();
        await runtime.RequestAsync(s => s.GetRequiredService<CertificationProjection>().CatchUpAsync(cancellationToken), cancellationToken);
        projecting.Stop();
        await log.WriteLineAsync($"  {name} ({region}): {expected:N0} instances {status} in {phase.Elapsed.TotalSeconds:0.0} s " +
            $"({phase.PerSecond:N0} transitions/s), the status table with them; a repair catch-up afterwards {projecting.Elapsed.TotalSeconds:0.00} s");
        return new BurstResult(name, region, status, phase, projecting.Elapsed);
    }

    private async Task<PhaseFigures> MeasureAsync(BenchRuntime runtime, string name, long transitions, Func<Task> body, CancellationToken cancellationToken)
    {
        var meter = await PhaseMeter.StartAsync(runtime.ConnectionString, cancellationToken);
        await body();
        var phase = await meter.StopAsync(transitions, cancellationToken);
        await log.WriteLineAsync($"  {name}: {phase.Elapsed.TotalSeconds:0.0} s, {phase.PerSecond:N0} transitions/s");
        return phase;
    }

    // What the lists show: the certification status of every seeded area under the region, as the transitions wrote it.
    private static async Task ExpectStatusAsync(BenchRuntime runtime, string region, string status, int expected, CancellationToken cancellationToken)
    {
        var found = await runtime.RequestAsync(s => s.GetRequiredService<CertificationDbContext>().Certifications
            .CountAsync(c => c.Status == status && c.AreaCode.StartsWith(region), cancellationToken), cancellationToken);
        if (found != expected)
            throw new InvalidOperationException($"{found} certifications under {region} are {status}, not {expected}");
    }

    private Task ForEachAsync(IReadOnlyList<string> items, Func<string, Task> body)
    {
        var next = -1;
        return Task.WhenAll(Enumerable.Range(0, settings.Parallelism).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < items.Count)
                await body(items[i]);
        })));
    }
}

/// <summary>Benchmark (6): certifying Hainan's areas, then close-contact bursts.</summary>
/// <param name="Instances">Areas certified.</param>
/// <param name="AreasInHainan">Villages and communities in the seeded regions.</param>
/// <param name="Applying">The applications: start and eligibility service, 2 transitions each.</param>
/// <param name="Observing">The 7 days: one timer each.</param>
/// <param name="Reviewing">Three reviews and the publication: 4 transitions each.</param>
/// <param name="Bursts">The close-contact bursts, in order.</param>
/// <param name="Reads">Reads by status afterwards.</param>
internal sealed record CertificationResult(int Instances, int AreasInHainan, PhaseFigures Applying, PhaseFigures Observing, PhaseFigures Reviewing,
    IReadOnlyList<BurstResult> Bursts, ReadFigures Reads);

/// <summary>Reads by status with every certification suspended (medians of 5).</summary>
/// <param name="IdleCatchUp">The status table's repair catch-up when nothing is stale (the revision join the background runs).</param>
/// <param name="Page">One page (50) of <c>GET /api/certifications?region=46&amp;status=suspended</c>, with its total.</param>
/// <param name="Registry">The province's public registry, every area with its region path.</param>
internal sealed record ReadFigures(TimeSpan IdleCatchUp, TimeSpan Page, TimeSpan Registry);

/// <summary>One signal to every area under a region.</summary>
/// <param name="Name">What it was.</param>
/// <param name="Region">The region code sent.</param>
/// <param name="Status">The status every affected certification reached.</param>
/// <param name="Phase">From the request until every affected instance had its transition applied (the call's return).</param>
/// <param name="Projection">Then until the <c>certifications</c> table showed it.</param>
internal sealed record BurstResult(string Name, string Region, string Status, PhaseFigures Phase, TimeSpan Projection);
