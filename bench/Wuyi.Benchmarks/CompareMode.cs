using System.Diagnostics;
using System.Globalization;
using System.Text;
using Wuyi.Benchmarks.Scenario;
using Wuyi.Engine.Execution;
using Wuyi.Engine.State;
using Wuyi.Engine.Stimuli;

namespace Wuyi.Benchmarks;

/// <summary>
/// `--compare`: the same measurement bench/peer/run-peer.mjs makes on bpmn-engine, so that
/// bench/run-engine-bench.sh can put the two side by side. Single thread: complete N instances one after
/// the other (start, then answer each wait), after a warm-up; repeat for several rounds and report the
/// median round. Prints one machine-readable RESULT line per model, plus the waiting-state size and, with
/// `--breakdown`, where the time goes.
/// </summary>
internal static class CompareMode
{
    public static int Run(string[] args)
    {
        var instances = IntOption(args, "--instances", 20_000);
        var rounds = IntOption(args, "--rounds", 5);
        var warmup = IntOption(args, "--warmup", Math.Max(instances / 2, 1000));
        var models = Option(args, "--scenario") is { } only ? [only] : BenchModel.Available().ToArray();
        var breakdown = args.Contains("--breakdown");
        foreach (var name in models)
        {
            var model = BenchModel.Load(name);
            var steps = ScenarioDriver.RunChecked(model);
            for (var i = 0; i < warmup; i++) ScenarioDriver.Run(model, "warm-" + i);
            var perRound = new double[rounds];
            var cpuPerRound = new double[rounds];
            using var self = Process.GetCurrentProcess();
            for (var r = 0; r < rounds; r++)
            {
                var ids = Enumerable.Range(0, instances).Select(i => $"i-{r}-{i}").ToArray();
                self.Refresh();
                var cpu0 = self.TotalProcessorTime;
                var sw = Stopwatch.StartNew();
                var applied = 0;
                foreach (var id in ids) applied += ScenarioDriver.Run(model, id);
                sw.Stop();
                self.Refresh();
                if (applied != steps * instances) throw new InvalidOperationException("the scenario is not deterministic");
                perRound[r] = sw.Elapsed.TotalSeconds;
                cpuPerRound[r] = (self.TotalProcessorTime - cpu0).TotalSeconds;
            }
            Array.Sort(perRound);
            Array.Sort(cpuPerRound);
            var median = perRound[rounds / 2];
            var cpuMedian = cpuPerRound[rounds / 2];
            var waiting = ScenarioDriver.WaitingAtFirstUserTask(model, ScenarioDriver.UuidLikeInstanceId);
            var bytes = InstanceStateJson.SerializeToUtf8Bytes(waiting);
            var largest = ScenarioDriver.LargestState(model);
            Console.WriteLine(Line("RESULT", ("side", "wuyi"), ("model", name), ("instances", instances), ("rounds", rounds),
                ("seconds", median), ("instances_per_s", instances / median), ("steps_per_instance", steps),
                ("steps_per_s", steps * instances / median), ("us_per_instance", median * 1e6 / instances),
                ("cpu_us_per_instance", cpuMedian * 1e6 / instances), ("rounds_s", string.Join(",", perRound.Select(x => x.ToString("0.###", CultureInfo.InvariantCulture)))),
                ("waiting_state_bytes", bytes.Length), ("largest_state_bytes", largest.Bytes), ("largest_state_at", largest.WaitingAt)));
            Console.WriteLine($"WAITING_STATE model={name} {Encoding.UTF8.GetString(bytes)}");
            Console.WriteLine($"LARGEST_STATE model={name} {largest.Json}");
            if (breakdown) Breakdown(model, Math.Min(instances, 20_000));
        }
        return 0;
    }

    /// <summary>Times each engine call of the scenario separately (Stopwatch around each), and the state's JSON for comparison.</summary>
    private static void Breakdown(BenchModel model, int instances)
    {
        var buckets = new SortedDictionary<string, (long Ticks, int Count)>(StringComparer.Ordinal);
        void Add(string key, long ticks)
        {
            var (t, c) = buckets.GetValueOrDefault(key);
            buckets[key] = (t + ticks, c + 1);
        }
        for (var i = 0; i < instances; i++)
        {
            var now = BenchModel.T0;
            var t0 = Stopwatch.GetTimestamp();
            var state = ProcessEngine.Start(model.Definitions, model.ProcessId, new StartRequest($"b-{i}", model.BusinessKey, model.StartVariables), now).State;
            Add("start", Stopwatch.GetTimestamp() - t0);
            while (!state.HasEnded)
            {
                t0 = Stopwatch.GetTimestamp();
                var (stimulus, due) = ScenarioDriver.Answer(model, state);
                Add("pick wait (state.Waits)", Stopwatch.GetTimestamp() - t0);
                if (due is { } d && d > now) now = d;
                var element = state.Waits.First(w => w.WaitId == WaitIdOf(stimulus)).ElementId;
                t0 = Stopwatch.GetTimestamp();
                state = ProcessEngine.Step(model.Definitions, state, stimulus, now).State;
                Add($"step {stimulus.GetType().Name} @{element}", Stopwatch.GetTimestamp() - t0);
                t0 = Stopwatch.GetTimestamp();
                var json = InstanceStateJson.SerializeToUtf8Bytes(state);
                Add("(not in the loop) serialise state after a step", Stopwatch.GetTimestamp() - t0);
                t0 = Stopwatch.GetTimestamp();
                _ = InstanceStateJson.Deserialize(Encoding.UTF8.GetString(json));
                Add("(not in the loop) deserialise state after a step", Stopwatch.GetTimestamp() - t0);
            }
        }
        var inLoop = buckets.Where(b => !b.Key.StartsWith('(')).Sum(b => b.Value.Ticks);
        Console.WriteLine($"BREAKDOWN model={model.Name} instances={instances} (Stopwatch around each call; µs are per call)");
        foreach (var (key, (ticks, count)) in buckets)
        {
            var share = key.StartsWith('(') ? "" : $"{100.0 * ticks / inLoop,5:F1}% of loop";
            Console.WriteLine($"  {key,-52} {ticks * 1e6 / Stopwatch.Frequency / count,8:F2} µs x{count / instances}  {share}");
        }
    }

    private static string WaitIdOf(Stimulus s) => s switch
    {
        CompleteTask c => c.WaitId,
        ServiceCompleted c => c.WaitId,
        TimerFired t => t.WaitId,
        MessageReceived m => m.WaitId,
        _ => "",
    };

    private static string Line(string tag, params (string Key, object Value)[] fields) =>
        tag + " " + string.Join(" ", fields.Select(f => f.Key + "=" + (f.Value is double d
            ? d.ToString("0.###", CultureInfo.InvariantCulture)
            : Convert.ToString(f.Value, CultureInfo.InvariantCulture))));

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static int IntOption(string[] args, string name, int fallback) =>
        Option(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
