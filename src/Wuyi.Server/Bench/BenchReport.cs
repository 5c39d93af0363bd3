using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Wuyi.Server.Bench;

/// <summary>
/// Prints a bench run's figures as Markdown tables and writes them into the "Runtime" and "Certification" sections of
/// <c>docs/benchmarks.md</c>, between markers, so that the prose around them and the other sections are kept.
/// </summary>
internal static partial class BenchReport
{
    /// <summary>The runtime's benchmarks (1)–(5).</summary>
    public static readonly DocSection Runtime = new("Runtime", "<!-- wuyi bench: generated figures begin -->", "<!-- wuyi bench: generated figures end -->");

    /// <summary>Benchmark (6), the certification of Hainan.</summary>
    public static readonly DocSection Certification = new("Certification",
        "<!-- wuyi bench certification: generated figures begin -->", "<!-- wuyi bench certification: generated figures end -->");

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
        foreach (var b in r.Broadcasts)
            Row(s, r, "(2) **broadcast of one signal** (`POST /api/broadcasts`)", b.Instances, b.Phase);
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
        LatencyTable(s, r);
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

    /// <summary>Benchmark (6)'s figures as Markdown, with the runtime fan-out of this run they compare with.</summary>
    public static string RenderCertification(BenchResults r, DateTimeOffset at)
    {
        var c = r.Certification!;
        var s = new StringBuilder();
        var reduced = c.Instances < c.AreasInHainan ? $" — **reduced size**: {c.Instances:N0} of Hainan's {c.AreasInHainan:N0} areas, spread over all counties" : "";
        Line(s, $"Run `{r.Command}` at {at:yyyy-MM-dd HH:mm} UTC{reduced}. Machine: {r.Machine.Describe()}.");
        Line(s, $"Database: {r.PostgresVersion}; {r.Cluster}. Applications and reviews use {r.Parallelism} concurrent requests; the 7 days are one " +
            "clock advance, each burst one signal, as the API makes them.");
        Line(s, FormattableString.Invariant($"Load average (1 min) {r.LoadAverage.Begin:0.0} at the start, {r.LoadAverage.End:0.0} at the end ") +
            $"({r.Machine.Processors} CPUs).");
        Line(s);
        Line(s, "| phase | instances | wall s | transitions/s | statements / transition | commits / transition | WAL bytes / transition | wuyi CPU s | machine CPU s | repair catch-up after |");
        Line(s, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        CertificationRow(s, $"applications (start + eligibility service, {r.Parallelism} concurrent)", c.Instances, c.Applying, null);
        CertificationRow(s, "7 days without infection (one clock advance fires the timers)", c.Instances, c.Observing, null);
        CertificationRow(s, $"township, county, province reviews + publication ({r.Parallelism} concurrent)", c.Instances, c.Reviewing, null);
        foreach (var b in c.Bursts)
            CertificationRow(s, $"**{b.Name}**, regionCode `{b.Region}` → {b.Status}", (int)b.Phase.Transitions, b.Phase, b.Projection);
        Line(s);
        Line(s, $"The status table is written with each transition, so it showed every burst when the signal's call returned. " +
            $"Reads by status afterwards, every certification suspended (median of 5): a page of 50 of " +
            $"`GET /api/certifications?region=46&status=suspended` with its total **{CertificationBench.Ms(c.Reads.Page)} ms**, the province's public " +
            $"registry ({c.Instances:N0} areas with their region paths) **{CertificationBench.Ms(c.Reads.Registry)} ms**; the background repair's " +
            $"catch-up, nothing stale (the revision join over all certification instances), {CertificationBench.Ms(c.Reads.IdleCatchUp)} ms.");
        if (r.FanOutFor(c.Instances) is { } fanOut)
        {
            Line(s);
            Line(s, $"The runtime's bare fan-out in the same run (one message to {fanOut.Instances:N0} waiting instances of a one-wait model, " +
                $"`(2)` in \"Runtime\"): **{fanOut.Phase.PerSecond:N0} transitions/s**. The bursts against it:");
            Line(s);
            Line(s, "| burst | instances | transitions/s | × runtime fan-out |");
            Line(s, "|---|---:|---:|---:|");
            foreach (var b in c.Bursts)
                Line(s, $"| {b.Name} | {b.Phase.Transitions:N0} | {b.Phase.PerSecond:N0} | {(b.Phase.PerSecond / fanOut.Phase.PerSecond).ToString("0.00", Inv)} |");
        }
        LatencyTable(s, r);
        foreach (var failure in r.Failures)
            Line(s, $"\n**Failed:** {failure}");
        // The county's burst and the province's (the clearance costs the same as the county's burst).
        foreach (var b in c.Bursts.Where((b, i) => i != 1 && b.Phase.Statements is not null))
        {
            Line(s);
            Line(s, $"Where the database time goes, {b.Name} ({b.Phase.DatabaseExecMilliseconds / 1000:0.0} s executing in PostgreSQL of {b.Phase.Elapsed.TotalSeconds:0.0} s wall; pg_stat_statements, top statements):");
            Line(s);
            Line(s, "| calls / transition | mean ms | total s | statement |");
            Line(s, "|---:|---:|---:|---|");
            foreach (var st in b.Phase.Statements!.Take(8))
                Line(s, $"| {st.Calls / (double)Math.Max(1, b.Phase.Transitions):0.00} | {st.TotalMilliseconds / Math.Max(1, st.Calls):0.000} | " +
                    $"{st.TotalMilliseconds / 1000:0.00} | `{Shorten(st.Query)}` |");
        }
        return s.ToString();
    }

    private static void CertificationRow(StringBuilder s, string name, int instances, PhaseFigures p, TimeSpan? projection) =>
        Line(s, $"| {name} | {instances:N0} | {p.Elapsed.TotalSeconds:0.0} | {p.PerSecond:N0} | {Num(p.StatementsPerTransition)} | " +
            $"{Num(p.CommitsPerTransition)} | {p.WalBytes / (double)Math.Max(1, p.Transitions):N0} | {p.ProcessCpu.TotalSeconds:0.0} | " +
            $"{p.MachineBusySeconds:0.0} | {(projection is { } t ? $"+{t.TotalSeconds:0.00} s" : "")} |");

    /// <summary>Writes <paramref name="figures"/> into <paramref name="section"/> of <paramref name="file"/>, creating what is missing.</summary>
    public static void WriteSection(string file, string figures, DocSection section)
    {
        var block = $"{section.BeginMarker}\n{figures.TrimEnd()}\n{section.EndMarker}";
        var text = File.Exists(file) ? File.ReadAllText(file).Replace("\r\n", "\n", StringComparison.Ordinal) : "# Benchmarks\n";
        var begin = text.IndexOf(section.BeginMarker, StringComparison.Ordinal);
        var end = text.IndexOf(section.EndMarker, StringComparison.Ordinal);
        string updated;
        if (begin >= 0 && end > begin)
            updated = text[..begin] + block + text[(end + section.EndMarker.Length)..];
        else if (Regex.Match(text, $@"^## {Regex.Escape(section.Name)}[ \t]*$", RegexOptions.Multiline) is { Success: true } heading)
        {
            // No figures yet: put them at the end of the section, before the next section.
            var after = heading.Index + heading.Length;
            var next = NextSection().Match(text, after);
            var at = next.Success ? next.Index : text.Length;
            updated = text[..at].TrimEnd() + "\n\n" + block + "\n" + (next.Success ? "\n" + text[at..] : "");
        }
        else
            updated = text.TrimEnd() + "\n\n## " + section.Name + "\n\n" + block + "\n";
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

    // (7), in both sections: one person's action is both a runtime and a certification figure.
    private static void LatencyTable(StringBuilder s, BenchResults r)
    {
        if (r.Latency.Count == 0)
            return;
        Line(s);
        Line(s, "(7) One person's action: task completions (one transition and one commit each, as `POST /api/tasks/{id}/complete` makes " +
            $"them) under concurrent requests, against pgbench with one client in the same run ({r.PgbenchSingleClient:N0} tps):");
        Line(s);
        Line(s, "| concurrent requests | completions | completions/s | × pgbench -c 1 | p50 ms | p99 ms |");
        Line(s, "|---:|---:|---:|---:|---:|---:|");
        foreach (var l in r.Latency)
            Line(s, FormattableString.Invariant($"| {l.Concurrency} | {l.Completions:N0} | {l.PerSecond:N0} | ") +
                (r.PgbenchSingleClient is { } single and > 0 ? FormattableString.Invariant($"{l.PerSecond / single:0.00}×") : "–") +
                FormattableString.Invariant($" | {l.P50Milliseconds:0.0} | {l.P99Milliseconds:0.0} |"));
    }

    private static void Line(StringBuilder s, string text = "") => s.Append(text).Append('\n');

    [GeneratedRegex(@"^## ", RegexOptions.Multiline)]
    private static partial Regex NextSection();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

/// <summary>A section of docs/benchmarks.md that <c>wuyi bench</c> writes its figures into.</summary>
/// <param name="Name">The section's heading, without <c>## </c>.</param>
/// <param name="BeginMarker">Where the generated figures begin.</param>
/// <param name="EndMarker">Where they end.</param>
internal sealed record DocSection(string Name, string BeginMarker, string EndMarker);
