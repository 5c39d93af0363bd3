namespace Wuyi.Server.Bench;

/// <summary>What <c>wuyi bench</c> runs, at which sizes.</summary>
/// <param name="Database">A PostgreSQL server given with <c>--db</c> (benchmark databases are created on it), or null for a private cluster.</param>
/// <param name="Scale"><c>small</c> (minutes) or <c>full</c> (the sizes of issue 4).</param>
/// <param name="Only">The benchmarks to run (empty: all).</param>
/// <param name="Parallelism">Concurrent requests when seeding and in start-and-complete.</param>
/// <param name="PgbenchSeconds">How long each pgbench run lasts.</param>
/// <param name="DocsFile">Where to write the "Runtime" section, or null to write nothing.</param>
/// <param name="Instances">Overrides the scale's fan-out and timer sizes (for a quick run on a slow machine).</param>
/// <param name="KeepDatabases">Leave the benchmark databases on a <c>--db</c> server for inspection instead of dropping them.</param>
internal sealed record BenchSettings(string? Database, string Scale, IReadOnlySet<string> Only, int Parallelism, int PgbenchSeconds, string? DocsFile,
    int? Instances = null, bool KeepDatabases = false)
{
    /// <summary>The benchmark names <c>--only</c> accepts.</summary>
    public static readonly string[] Names = ["pgbench", "start", "fanout", "timers", "memory", "certification", "latency"];

    /// <summary>The runtime's own benchmarks (the "Runtime" section of docs/benchmarks.md).</summary>
    public static readonly string[] RuntimeNames = ["pgbench", "start", "fanout", "timers", "memory", "latency"];

    public bool Full => Scale == "full";

    public bool Runs(string name) => Only.Count == 0 || Only.Contains(name);

    /// <summary>Instances started and completed in benchmark (1).</summary>
    public int StartCompleteInstances => Full ? 10_000 : 2_000;

    /// <summary>Waiting instances one message fans out to in benchmark (2).</summary>
    public int[] FanOutSizes => Instances is { } n ? [n] : Full ? [10_000, 100_000] : [10_000];

    /// <summary>Timers due at the same instant in benchmark (3).</summary>
    public int TimerCount => Instances ?? (Full ? 100_000 : 10_000);

    /// <summary>Waiting instances for the resident-memory figures (4).</summary>
    public int[] MemorySizes => Full ? [1_000, 600_000] : [1_000, 20_000];

    /// <summary>Areas certified in benchmark (6): all of Hainan's villages and communities, unless <see cref="Instances"/> says fewer.</summary>
    public int? CertificationAreas => Instances;

    /// <summary>Whether any of the runtime's own benchmarks runs.</summary>
    public bool RunsRuntime => RuntimeNames.Any(Runs);

    /// <summary>pgbench client counts.</summary>
    public static readonly int[] PgbenchClients = [1, 2, 4, 8];
}
