using System.Collections.Frozen;
using System.Text.Json;
using Wuyi.Engine.Model;

namespace Wuyi.Benchmarks.Scenario;

/// <summary>
/// A model the benchmarks run and the scenario that drives it, read from bench/models/{name}.scenario.json —
/// the same file bench/peer/run-peer.mjs reads, so both engines run the same model with the same data:
/// the start variables and, per element, the variables each answered wait sets.
/// </summary>
public sealed class BenchModel
{
    /// <summary>The virtual start time of every instance (the engine reads no clock).</summary>
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    /// <summary>Scenario names: bench/models/{name}.scenario.json.</summary>
    public const string Synthetic = "certification-synthetic";
    public const string Certification = "certification";

    private static readonly IReadOnlyDictionary<string, object?> NoVariables = new Dictionary<string, object?>();
    private static readonly Dictionary<string, BenchModel> Cache = new(StringComparer.Ordinal);

    private BenchModel(string name, string modelPath, BpmnDefinitions definitions, string processId, string? expectEnd,
        IReadOnlyDictionary<string, object?> startVariables, FrozenDictionary<string, IReadOnlyDictionary<string, object?>> answers,
        string businessKey, FrozenSet<string> skip, string? finallyElement, IReadOnlyDictionary<string, object?> finallyVariables)
    {
        BusinessKey = businessKey;
        Skip = skip;
        FinallyElement = finallyElement;
        FinallyVariables = finallyVariables;
        Name = name;
        ModelPath = modelPath;
        Definitions = definitions;
        ProcessId = processId;
        ExpectEnd = expectEnd;
        StartVariables = startVariables;
        Answers = answers;
    }

    public string Name { get; }
    public string ModelPath { get; }
    public BpmnDefinitions Definitions { get; }
    public string ProcessId { get; }

    /// <summary>The end event the scenario must reach (checked once per run), or null.</summary>
    public string? ExpectEnd { get; }

    public IReadOnlyDictionary<string, object?> StartVariables { get; }

    /// <summary>The variables set when answering the wait at an element (absent: none).</summary>
    public FrozenDictionary<string, IReadOnlyDictionary<string, object?>> Answers { get; }

    /// <summary>The business key every instance gets (message correlation keys default to it).</summary>
    public string BusinessKey { get; }

    /// <summary>Elements whose waits are never answered (besides message and signal waits, which never are).</summary>
    public FrozenSet<string> Skip { get; }

    /// <summary>The message (or signal) wait answered when nothing else is answerable, and its payload.</summary>
    public string? FinallyElement { get; }
    public IReadOnlyDictionary<string, object?> FinallyVariables { get; }

    public IReadOnlyDictionary<string, object?> AnswerFor(string elementId) => Answers.GetValueOrDefault(elementId) ?? NoVariables;

    /// <summary>The scenarios whose model is present in this checkout (the shipped certification model may not exist yet).</summary>
    public static IEnumerable<string> Available()
    {
        var root = RepoRoot();
        foreach (var name in new[] { Synthetic, Certification })
        {
            var file = ScenarioPath(root, name);
            if (!File.Exists(file)) continue;
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            if (File.Exists(Path.Combine(root, doc.RootElement.GetProperty("model").GetString()!))) yield return name;
        }
    }

    public static BenchModel Load(string name)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(name, out var model)) Cache[name] = model = Read(name);
            return model;
        }
    }

    private static string ScenarioPath(string root, string name) => Path.Combine(root, "bench", "models", name + ".scenario.json");

    private static BenchModel Read(string name)
    {
        var root = RepoRoot();
        using var doc = JsonDocument.Parse(File.ReadAllText(ScenarioPath(root, name)));
        var r = doc.RootElement;
        var modelPath = Path.Combine(root, r.GetProperty("model").GetString()!);
        var outcome = BpmnDefinitions.Parse(File.ReadAllText(modelPath));
        if (!outcome.Success)
            throw new InvalidOperationException($"{modelPath} is not a valid model:\n{string.Join("\n", outcome.Problems)}");
        var definitions = outcome.Definitions!;
        var processId = r.TryGetProperty("processId", out var p) ? p.GetString()! : definitions.ExecutableProcesses[0].Id;
        var answers = r.TryGetProperty("answers", out var a)
            ? a.EnumerateObject().ToFrozenDictionary(x => x.Name, x => Variables(x.Value), StringComparer.Ordinal)
            : FrozenDictionary<string, IReadOnlyDictionary<string, object?>>.Empty;
        return new BenchModel(name, modelPath, definitions, processId,
            r.TryGetProperty("expectEnd", out var end) ? end.GetString() : null,
            r.TryGetProperty("startVariables", out var s) ? Variables(s) : NoVariables, answers,
            r.TryGetProperty("businessKey", out var bk) ? bk.GetString()! : "APP-2026-000123",
            r.TryGetProperty("skip", out var skip) ? skip.EnumerateArray().Select(x => x.GetString()!).ToFrozenSet(StringComparer.Ordinal) : FrozenSet<string>.Empty,
            r.TryGetProperty("finally", out var fin) ? fin.GetProperty("element").GetString() : null,
            r.TryGetProperty("finally", out var fin2) && fin2.TryGetProperty("variables", out var fv) ? Variables(fv) : NoVariables);
    }

    // Plain CLR values (string, bool, long, double, lists, maps), as a caller of the engine would pass them.
    private static IReadOnlyDictionary<string, object?> Variables(JsonElement e) =>
        e.EnumerateObject().ToDictionary(x => x.Name, x => Value(x.Value), StringComparer.Ordinal);

    private static object? Value(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => e.TryGetInt64(out var l) ? l : e.GetDouble(),
        JsonValueKind.Array => e.EnumerateArray().Select(Value).ToList(),
        JsonValueKind.Object => Variables(e),
        _ => null,
    };

    /// <summary>The repository root: WUYI_REPO, or the first parent of the working or base directory holding WuyiWorkflow.sln.</summary>
    public static string RepoRoot()
    {
        if (Environment.GetEnvironmentVariable("WUYI_REPO") is { Length: > 0 } fromEnvironment) return fromEnvironment;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "WuyiWorkflow.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("cannot find the repository root (WuyiWorkflow.sln); set WUYI_REPO");
    }
}
