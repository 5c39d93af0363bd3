using System.CommandLine;
using Wuyi.Server.Bench;

namespace Wuyi.Server.CommandLine;

/// <summary>
/// `wuyi bench [--db …] [--scale small|full] [--only fanout,timers,certification,…]`: the runtime's benchmarks of issue 4
/// side by side with pgbench on the same PostgreSQL (a private throwaway cluster unless --db names one), and the
/// certification of Hainan with close-contact bursts (issue 5); prints the figures and writes them into the "Runtime"
/// and "Certification" sections of docs/benchmarks.md.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var scale = new Option<string>("--scale")
        {
            Description = "small (default: 10,000-instance fan-out and timers, memory at 1,000 and 20,000; minutes) or full " +
                "(fan-out to 10,000 and 100,000, 100,000 timers, memory at 1,000 and 600,000).",
            DefaultValueFactory = _ => "small",
        };
        scale.AcceptOnlyFromAmong("small", "full");
        var only = new Option<string?>("--only") { Description = $"A comma-separated subset of: {string.Join(", ", BenchSettings.Names)}." };
        var parallelism = new Option<int?>("--parallelism") { Description = "Concurrent requests when seeding and in start-and-complete (default: 2 × CPUs, 2 to 8)." };
        var seconds = new Option<int>("--pgbench-seconds") { Description = "How long each pgbench run lasts (default 20).", DefaultValueFactory = _ => 20 };
        var docs = new Option<FileInfo?>("--docs") { Description = "The Markdown file whose \"Runtime\" section gets the figures (default: docs/benchmarks.md of the repository)." };
        var noDocs = new Option<bool>("--no-docs") { Description = "Print the figures only." };
        var instances = new Option<int?>("--instances")
        {
            Description = "Overrides the scale's fan-out and timer sizes, and certifies that many areas instead of all 3,296 (a quick run on a slow machine).",
        };
        var keep = new Option<bool>("--keep-databases") { Description = "With --db: leave the benchmark databases for inspection instead of dropping them." };
        var probe = new Option<string?>("--memory-probe") { Hidden = true };
        var command = new Command("bench", "Benchmark the runtime on PostgreSQL beside pgbench (start-and-complete, fan-out, timers, memory) and Hainan's certification.")
        {
            scale, only, parallelism, instances, seconds, docs, noDocs, keep, probe,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            if (parse.GetValue(probe) is { } probeDatabase)
                return await MemoryProbe.RunChildAsync(probeDatabase, output, cancellationToken);

            var selected = (parse.GetValue(only) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(n => n.ToLowerInvariant()).ToHashSet();
            if (selected.Except(BenchSettings.Names).FirstOrDefault() is { } unknown)
            {
                await error.WriteLineAsync($"error: --only: no benchmark '{unknown}'; choose from {string.Join(", ", BenchSettings.Names)}.");
                return CommandHost.InvalidInput;
            }
            var docsFile = parse.GetValue(noDocs) ? null : parse.GetValue(docs)?.FullName ?? DefaultDocsFile();
            var settings = new BenchSettings(parse.GetValue(WuyiCommandLine.Database), parse.GetValue(scale) ?? "small", selected,
                Math.Clamp(parse.GetValue(parallelism) ?? Math.Clamp(2 * Environment.ProcessorCount, 2, 8), 1, 64), Math.Max(1, parse.GetValue(seconds)), docsFile,
                parse.GetValue(instances) is { } n ? Math.Max(1, n) : null, parse.GetValue(keep));
            BenchResults results;
            try
            {
                results = await new RuntimeBench(settings, output).RunAsync(cancellationToken);
            }
            catch (Exception e) when (e is BenchException or InvalidOperationException or TimeoutException or Npgsql.NpgsqlException)
            {
                await error.WriteLineAsync($"error: {e.Message}");
                return CommandHost.Failure;
            }
            var at = DateTimeOffset.UtcNow;
            var sections = new List<(DocSection Section, string Figures)>();
            // Each section shows what its own benchmarks measured: a certification-only run leaves the runtime's figures alone.
            if (settings.RunsRuntime)
                sections.Add((BenchReport.Runtime, BenchReport.Render(results, at)));
            if (results.Certification is not null)
                sections.Add((BenchReport.Certification, BenchReport.RenderCertification(results, at)));
            else if (settings.Runs("certification"))
                sections.Add((BenchReport.Certification, $"Run `{results.Command}` at {at:yyyy-MM-dd HH:mm} UTC: **failed** — {string.Join("; ", results.Failures)}"));
            foreach (var (section, figures) in sections)
            {
                await output.WriteLineAsync();
                await output.WriteLineAsync(figures);
            }
            if (docsFile is not null)
            {
                foreach (var (section, figures) in sections)
                {
                    BenchReport.WriteSection(docsFile, figures, section);
                    await output.WriteLineAsync($"Wrote the figures into the \"{section.Name}\" section of {docsFile}.");
                }
            }
            else if (!parse.GetValue(noDocs))
                await output.WriteLineAsync("No docs/benchmarks.md found (run from the repository, or give --docs FILE): the figures are printed only.");
            return 0;
        });
        return command;
    }

    /// <summary>docs/benchmarks.md of the repository this runs in (found upwards from the current folder), if any.</summary>
    private static string? DefaultDocsFile()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "WuyiWorkflow.sln")))
                return Path.Combine(dir.FullName, "docs", "benchmarks.md");
        return null;
    }
}
