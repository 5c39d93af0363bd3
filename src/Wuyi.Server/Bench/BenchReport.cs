using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Wuyi.Server.Bench;

/// <summary>
/// Prints a bench run's figures as Markdown tables and writes them into the "Runtime" section of
/// <c>docs/benchmarks.md</c>, between markers, so that the prose around them and the other sections are kept.
/// </summary>
internal static partial class BenchReport
{
    public const string Heading = "## Runtime";
    public const string BeginMarker = "<!-- wuyi bench: generated figures begin -->";
    public const string EndMarker = "<!-- wuyi bench: generated figures end -->";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The figures as Markdown.</summary>
    public static string Render(BenchResults r, DateTimeOffset at)
    {
        var s = new StringBuilder();
        Line(s, $"Run `{r.Command}` at {at:yyyy-MM-dd HH:mm} UTC. Machine: {r.Machine.Describe()}.");
        Line(s, $"Database: {r.PostgresVersion}; {r.Cluster}. Seeding starts instances in batches of {BenchRuntime.SeedBatch}, {r.Parallelism} batches at a time; start-and-complete uses {r.Parallelism} concurrent requests; " +
            "a fan-out and a clock advance are one call each, as the API makes them.");
        Line(s, FormattableString.Invariant($"Load average (1 min) {r.LoadAverage.Begin:0.0} at the start, {r.LoadAverage.End:0.0} at the end ") +
            $"({r.Machine.Processors} CPUs): other work on the machine slows both the runtime and pgbench.");
        Line(s);
        if (r.PgbenchMissing is not null)
            Line(s, $"(5) {r.PgbenchMissing}.");
        else if (r.Pgbench.Count > 0)
            Line(s, "(5) pgbench, custom script `BEGIN; UPDATE one row; INSERT one row; COMMIT;` on the same cluster: " +
                string.Join(", ", r.Pgbench.Select(p => $"-c {p.Clients}: **{p.Tps:N0} tps**")) +
                (r.PgbenchAfter.Count > 0 ? "; after the runtime's benchmarks: " + string.Join(", ", r.PgbenchAfter.Select(p => $"-c {p.Clients}: **{p.Tps:N0} tps**")) : "") +
                $". The ratios (× pgbench) below are to the best client count{(r.PgbenchAfter.Count > 0 ? ", averaged over before and after" : "")}: {r.PgbenchBest:N0} tps.");
        Line(s);
        Line(s, "| benchmark | instances | wall s | transitions/s | × pgbench | statements / transition | commits / transition | WAL bytes / transition | wuyi CPU s | machine CPU s |");
        Line(s, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        if (r.StartComplete is { } sc)
            Row(s, r, "(1) start + complete (2 transitions each)", sc.Instances, sc.Phase);
        foreach (var f in r.FanOuts)
        {
            Row(s, r, $"(2) seeding for fan-out (batched starts)", f.Instances, f.Seeding);
            Row(s, r, "(2) **fan-out of one message**", f.Instances, f.Phase);
        }
        if (r.Timers is { } t)
        {
            Row(s, r, $"(3) seeding timers (batched starts)", t.Instances, t.Seeding);
            Row(s, r, "(3) **timers due at one instant**", t.Instances, t.Phase);
        }
        foreach (var m in r.Memory)
            Row(s, r, $"(4) seeding waiting instances (batched starts)", m.Instances, m.Seeding);
        if (r.Memory.Count > 0)
        {
            Line(s);
            Line(s, "(4) Resident memory (MiB) with waiting instances in the database:");
            Line(s);
            Line(s, "| waiting instances | bench process after seeding, RSS | its managed heap | fresh process after a node's rounds, RSS | its managed heap |");
            Line(s, "|---:|---:|---:|---:|---:|");
            foreach (var m in r.Memory)
                Line(s, $"| {m.Instances:N0} | {RuntimeBench.Mib(m.AfterSeedingRssBytes)} | {RuntimeBench.Mib(m.AfterSeedingHeapBytes)} | " +
                    $"{RuntimeBench.Mib(m.FreshProcessRssBytes)} | {RuntimeBench.Mib(m.FreshProcessHeapBytes)} |");
        }
        foreach (var failure in r.Failures)
            Line(s, $"\n**Failed:** {failure}");
        var phases = new List<(string, PhaseFigures)>();
        if (r.StartComplete is { } start)
            phases.Add(("(1) start + complete", start.Phase));
        phases.AddRange(r.FanOuts.Select(f => ($"(2) fan-out {f.Instances:N0}", f.Phase)));
        if (r.Timers is { } timers)
            phases.Add(($"(3) timers {timers.Instances:N0}", timers.Phase));
        if (r.FanOuts.FirstOrDefault() is { } seeded)
            phases.Add(($"seeding {seeded.Instances:N0}", seeded.Seeding));
        foreach (var (name, phase) in phases.Where(p => p.Item2.Statements is not null))
        {
            Line(s);
            Line(s, $"Where the database time goes, {name} ({phase.DatabaseExecMilliseconds / 1000:0.0} s executing in PostgreSQL of {phase.Elapsed.TotalSeconds:0.0} s wall; pg_stat_statements, top statements):");
            Line(s);
            Line(s, "| calls / transition | mean ms | total s | statement |");
            Line(s, "|---:|---:|---:|---|");
            foreach (var st in phase.Statements!.Take(8))
                Line(s, $"| {st.Calls / (double)Math.Max(1, phase.Transitions):0.00} | {st.TotalMilliseconds / Math.Max(1, st.Calls):0.000} | " +
                    $"{st.TotalMilliseconds / 1000:0.00} | `{Shorten(st.Query)}` |");
        }
        return s.ToString();
    }

    /// <summary>Writes <paramref name="figures"/> into the Runtime section of <paramref name="file"/>, creating what is missing.</summary>
    public static void WriteSection(string file, string figures)
    {
        var block = $"{BeginMarker}\n{figures.TrimEnd()}\n{EndMarker}";
        var text = File.Exists(file) ? File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal) : "# Benchmarks\n";
        var begin = text.IndexOf(BeginMarker, StringComparison.Ordinal);
        var end = text.IndexOf(EndMarker, StringComparison.Ordinal);
        string updated;
        if (begin >= 0 && end > begin)
            updated = text[..begin] + block + text[(end + EndMarker.Length)..];
        else if (HeadingLine().Match(text) is { Success: true } heading)
        {
            // No figures yet: put them at the end of the Runtime section, before the next section.
            var after = heading.Index + heading.Length;
            var next = NextSection().Match(text, after);
            var at = next.Success ? next.Index : text.Length;
            updated = text[..at].TrimEnd() + "\n\n" + block + "\n" + (next.Success ? "\n" + text[at..] : "");
        }
        else
            updated = text.TrimEnd() + "\n\n" + Heading + "\n\n" + block + "\n";
        File.WriteAllText(file, updated);
    }

    private static void Row(StringBuilder s, BenchResults r, string name, int instances, PhaseFigures p) =>
        Line(s, $"| {name} | {instances:N0} | {p.Elapsed.TotalSeconds:0.0} | {p.PerSecond:N0} | {Ratio(r.Ratio(p.PerSecond))} | " +
            $"{Num(p.StatementsPerTransition)} | {Num(p.CommitsPerTransition)} | {p.WalBytes / (double)Math.Max(1, p.Transitions):N0} | " +
            $"{p.ProcessCpu.TotalSeconds:0.0} | {p.MachineBusySeconds:0.0} |");

    private static string Ratio(double? ratio) => ratio is { } x ? x.ToString("0.00", Inv) : "–";

    private static string Num(double value) => double.IsNaN(value) ? "–" : value.ToString("0.00", Inv);

    private static string Shorten(string query)
    {
        var flat = Whitespace().Replace(query, " ").Replace("|", "\\|", StringComparison.Ordinal).Replace("`", "'", StringComparison.Ordinal);
        return flat.Length <= 140 ? flat : flat[..137] + "…";
    }

    private static void Line(StringBuilder s, string text = "") => s.Append(text).Append('\n');

    [GeneratedRegex(@"^## Runtime[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex HeadingLine();

    [GeneratedRegex(@"^## ", RegexOptions.Multiline)]
    private static partial Regex NextSection();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
