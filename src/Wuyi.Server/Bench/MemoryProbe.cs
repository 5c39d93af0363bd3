using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Wuyi.Runtime.Messages;
using Wuyi.Runtime.Outbox;
using Wuyi.Runtime.Timers;

namespace Wuyi.Server.Bench;

/// <summary>
/// Resident memory. In the bench process after seeding, and in a fresh child process (<c>wuyi bench
/// --memory-probe CONNECTION</c>) that does what a node does on its own — a timer round, an outbox round, one
/// message correlated — against the database with the waiting instances, so seeding's history does not count.
/// </summary>
internal static class MemoryProbe
{
    private const string Marker = "memory-probe";

    /// <summary>This process's resident set in bytes (VmRSS; <see cref="Environment.WorkingSet"/> where there is no /proc).</summary>
    public static long ResidentBytes()
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or FormatException)
        {
            return Environment.WorkingSet;
        }
    }

    /// <summary>A full, compacting, aggressive collection (which gives freed memory back to the OS), twice.</summary>
    public static long Collect()
    {
        for (var i = 0; i < 2; i++)
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        return GC.GetTotalMemory(forceFullCollection: false);
    }

    /// <summary>The child's side: runs a node's periodic work on <paramref name="connectionString"/> and prints the figures.</summary>
    public static async Task<int> RunChildAsync(string connectionString, TextWriter output, CancellationToken cancellationToken)
    {
        await using var runtime = await BenchRuntime.CreateAsync(connectionString, cancellationToken);
        for (var round = 0; round < 3; round++)
        {
            await runtime.RequestAsync(async s =>
            {
                await s.GetRequiredService<DueTimers>().FireDueAsync(200, cancellationToken);
                var outbox = s.GetRequiredService<OutboxWork>();
                foreach (var id in await outbox.DueAsync(200, cancellationToken))
                    await outbox.RunAsync(id, cancellationToken);
                return await s.GetRequiredService<MessageCorrelation>().ExpireBufferedAsync(cancellationToken);
            }, cancellationToken);
            await runtime.RequestAsync(s => s.GetRequiredService<MessageCorrelation>().CorrelateAsync(new MessageRequest(
                BenchModels.BurstMessage, BenchModels.BusinessKey(round + 1), null, $"probe-{round}", new Dictionary<string, object?>(),
                TimeSpan.Zero, "bench"), cancellationToken), cancellationToken);
        }
        var heap = Collect();
        await output.WriteLineAsync(FormattableString.Invariant($"{Marker} rss={ResidentBytes()} heap={heap}"));
        return 0;
    }

    /// <summary>The parent's side: starts this executable as the probe; null figures when it fails.</summary>
    public static async Task<(long? Rss, long? Heap)> MeasureInChildAsync(string connectionString, TextWriter log, CancellationToken cancellationToken)
    {
        var path = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(path) == "dotnet")
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        foreach (var argument in (string[])["bench", "--memory-probe", connectionString])
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start the memory probe");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var line = (await stdout).Split('\n').FirstOrDefault(l => l.StartsWith(Marker, StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
        {
            await log.WriteLineAsync($"  memory probe failed ({process.ExitCode}): {await stderr}");
            return (null, null);
        }
        var values = line.Split(' ').Skip(1).Select(p => p.Split('=')).ToDictionary(p => p[0], p => long.Parse(p[1], CultureInfo.InvariantCulture));
        return (values["rss"], values["heap"]);
    }
}
