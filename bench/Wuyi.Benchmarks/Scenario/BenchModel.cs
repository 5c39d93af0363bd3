using System.Collections.Frozen;
using Wuyi.Engine.Model;

namespace Wuyi.Benchmarks.Scenario;

/// <summary>
/// A model the benchmarks run and the scenario that drives it: the start variables and, per element, the
/// variables each answered wait sets. The same scenario is written out for the peer engine (bench/peer).
/// </summary>
public sealed class BenchModel
{
    /// <summary>The virtual start time of every instance (the engine reads no clock).</summary>
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private BenchModel(string name, string path, string xml, BpmnDefinitions definitions, string processId,
        IReadOnlyDictionary<string, object?> startVariables, FrozenDictionary<string, IReadOnlyDictionary<string, object?>> answers)
    {
        Name = name;
        Path = path;
        Xml = xml;
        Definitions = definitions;
        ProcessId = processId;
        StartVariables = startVariables;
        Answers = answers;
    }

    public string Name { get; }
    public string Path { get; }
    public string Xml { get; }
    public BpmnDefinitions Definitions { get; }
    public string ProcessId { get; }
    public IReadOnlyDictionary<string, object?> StartVariables { get; }

    /// <summary>The variables set when answering the wait at an element (absent: none).</summary>
    public FrozenDictionary<string, IReadOnlyDictionary<string, object?>> Answers { get; }

    public const string Synthetic = "synthetic";
    public const string Certification = "certification";

    /// <summary>The models present in this checkout: the synthetic one always, the shipped certification model once it exists.</summary>
    public static IEnumerable<string> Available()
    {
        yield return Synthetic;
        if (File.Exists(System.IO.Path.Combine(RepoRoot(), "workflows", "certification.bpmn"))) yield return Certification;
    }

    private static readonly Dictionary<string, BenchModel> Cache = new(StringComparer.Ordinal);

    public static BenchModel Load(string name)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(name, out var model)) Cache[name] = model = name switch
            {
                Synthetic => LoadSynthetic(),
                Certification => LoadCertification(),
                _ => FromFile(name, System.IO.Path.GetFullPath(name), null, new Dictionary<string, object?>(), []),
            };
            return model;
        }
    }

    private static BenchModel LoadSynthetic() => FromFile(Synthetic,
        System.IO.Path.Combine(RepoRoot(), "bench", "models", "certification-synthetic.bpmn"), "certification-synthetic",
        SyntheticScenario.StartVariables, SyntheticScenario.Answers);

    private static BenchModel LoadCertification() => FromFile(Certification,
        System.IO.Path.Combine(RepoRoot(), "workflows", "certification.bpmn"), null,
        CertificationScenario.StartVariables, CertificationScenario.Answers);

    private static BenchModel FromFile(string name, string path, string? processId, IReadOnlyDictionary<string, object?> start,
        Dictionary<string, IReadOnlyDictionary<string, object?>> answers)
    {
        var xml = File.ReadAllText(path);
        var outcome = BpmnDefinitions.Parse(xml);
        if (!outcome.Success)
            throw new InvalidOperationException($"{path} is not a valid model:\n{string.Join("\n", outcome.Problems)}");
        var definitions = outcome.Definitions!;
        processId ??= definitions.ExecutableProcesses[0].Id;
        return new BenchModel(name, path, xml, definitions, processId, start, answers.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The repository root: WUYI_REPO, or the first parent of the working or base directory holding WuyiWorkflow.sln.</summary>
    public static string RepoRoot()
    {
        if (Environment.GetEnvironmentVariable("WUYI_REPO") is { Length: > 0 } fromEnvironment) return fromEnvironment;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "WuyiWorkflow.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("cannot find the repository root (WuyiWorkflow.sln); set WUYI_REPO");
    }
}
