namespace Wuyi.Server.Bench;

/// <summary>Everything one <c>wuyi bench</c> run measured.</summary>
internal sealed class BenchResults
{
    public required MachineInfo Machine { get; init; }

    public required string Scale { get; init; }

    /// <summary>The command line that produced these figures.</summary>
    public string Command { get; set; } = "wuyi bench";

    public required int Parallelism { get; init; }

    public string? PostgresVersion { get; set; }

    public required string Cluster { get; init; }

    /// <summary>pgbench before the runtime's benchmarks.</summary>
    public List<PgbenchRun> Pgbench { get; } = [];

    /// <summary>pgbench again after them: the machine may be busier or quieter than it was (a shared machine drifts).</summary>
    public List<PgbenchRun> PgbenchAfter { get; } = [];

    /// <summary>The load average (1 minute) when the run began and ended.</summary>
    public (double Begin, double End) LoadAverage { get; set; }

    public string? PgbenchMissing { get; set; }

    public StartCompleteResult? StartComplete { get; set; }

    public List<WaitingResult> FanOuts { get; } = [];

    /// <summary>One BPMN signal broadcast (<c>POST /api/broadcasts</c>) to as many waiting instances as each fan-out.</summary>
    public List<WaitingResult> Broadcasts { get; } = [];

    public WaitingResult? Timers { get; set; }

    public List<MemoryResult> Memory { get; } = [];

    /// <summary>Benchmark (6), certifying Hainan and close-contact bursts.</summary>
    public CertificationResult? Certification { get; set; }

    /// <summary>A runtime fan-out of the certification's size, when no fan-out of that size ran: what its bursts compare with.</summary>
    public WaitingResult? ReferenceFanOut { get; set; }

    /// <summary>The runtime fan-out the certification's bursts compare with: one of its size measured in this run, else the reference.</summary>
    public WaitingResult? FanOutFor(int instances) => FanOuts.FirstOrDefault(f => f.Instances == instances) ?? ReferenceFanOut ?? FanOuts.FirstOrDefault();

    /// <summary>Benchmark (7): task completions under 4, 16 and 64 concurrent requests.</summary>
    public List<LatencyResult> Latency { get; } = [];

    /// <summary>pgbench with one client (the rate of one transaction at a time), averaged over before and after.</summary>
    public double? PgbenchSingleClient => Pgbench.FirstOrDefault(r => r.Clients == 1) is not { } before ? null
        : PgbenchAfter.FirstOrDefault(r => r.Clients == 1) is { } after ? (before.Tps + after.Tps) / 2 : before.Tps;

    /// <summary>Benchmarks that failed, with why.</summary>
    public List<string> Failures { get; } = [];

    /// <summary>The reference rate: pgbench's best client count, averaged over the runs before and after.</summary>
    public double? PgbenchBest => Pgbench.Count == 0 ? null
        : PgbenchAfter.Count == 0 ? Pgbench.Max(r => r.Tps) : (Pgbench.Max(r => r.Tps) + PgbenchAfter.Max(r => r.Tps)) / 2;

    /// <summary>The ratio of <paramref name="perSecond"/> to pgbench's best rate, if pgbench ran.</summary>
    public double? Ratio(double perSecond) => PgbenchBest is { } best and > 0 ? perSecond / best : null;
}

/// <summary>Benchmark (1): instances started and their one user task completed.</summary>
internal sealed record StartCompleteResult(int Instances, PhaseFigures Phase);

/// <summary>Benchmarks (2) and (3): seeding waiting instances, then one message or one clock advance applying to all.</summary>
internal sealed record WaitingResult(string Name, int Instances, PhaseFigures Seeding, PhaseFigures Phase);

/// <summary>Benchmark (4): resident memory with some waiting instances in the database.</summary>
/// <param name="Instances">Waiting instances.</param>
/// <param name="Seeding">Seeding them.</param>
/// <param name="AfterSeedingRssBytes">This process's resident set after seeding them and a full, compacting GC.</param>
/// <param name="AfterSeedingHeapBytes">Its managed heap then.</param>
/// <param name="FreshProcessRssBytes">A fresh process's resident set after the runtime's periodic work on that database.</param>
/// <param name="FreshProcessHeapBytes">Its managed heap then.</param>
internal sealed record MemoryResult(int Instances, PhaseFigures Seeding, long AfterSeedingRssBytes, long AfterSeedingHeapBytes,
    long? FreshProcessRssBytes, long? FreshProcessHeapBytes);
