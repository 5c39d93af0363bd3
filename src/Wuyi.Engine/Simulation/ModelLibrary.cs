using Wuyi.Engine.Model;

namespace Wuyi.Engine.Simulation;

/// <summary>
/// The models a simulation may run: the main model and, found through the resolver, every model its call
/// activities name. Called models with a literal <c>calledElement</c> are loaded and validated up front, so
/// that a broken called model stops the run before anything happens.
/// </summary>
internal sealed class ModelLibrary
{
    private readonly Dictionary<string, BpmnDefinitions> _byProcess = new(StringComparer.Ordinal);
    private readonly Func<string, string?>? _resolver;
    private readonly ModelOptions _options;

    private ModelLibrary(BpmnDefinitions main, Func<string, string?>? resolver, ModelOptions options)
    {
        Main = main;
        _resolver = resolver;
        _options = options;
    }

    public BpmnDefinitions Main { get; }

    public IEnumerable<BpmnDefinitions> Loaded => _byProcess.Values.Distinct();

    public static ModelLibrary? Load(SimulationInput input, List<string> errors)
    {
        var outcome = BpmnDefinitions.Parse(input.ModelXml, input.Options);
        if (!outcome.Success)
        {
            errors.AddRange(outcome.Problems.Select(p => Describe(input.ModelFileName, p)));
            return null;
        }
        var library = new ModelLibrary(outcome.Definitions!, input.ResolveCalledElement, input.Options);
        library.Register(library.Main);
        var queue = new Queue<BpmnDefinitions>([library.Main]);
        while (queue.Count > 0)
        {
            var definitions = queue.Dequeue();
            foreach (var process in definitions.ExecutableProcesses.Concat(definitions.Processes.Values.Where(p => !p.IsExecutable).OrderBy(p => p.Id, StringComparer.Ordinal)))
            foreach (var node in process.Nodes.Values.Where(n => n.Call is not null).OrderBy(n => n.Line).ThenBy(n => n.Id, StringComparer.Ordinal))
            {
                var called = node.Call!.CalledElement;
                if (!called.IsLiteral || library._byProcess.ContainsKey(called.Text)) continue;
                var loaded = library.Resolve(called.Text, out var error);
                if (loaded is null)
                {
                    errors.Add($"{input.ModelFileName}:{node.Line}: {node.Id}: {error}");
                    continue;
                }
                queue.Enqueue(loaded);
            }
        }
        return errors.Count == 0 ? library : null;
    }

    /// <summary>The definitions holding <paramref name="processId"/>, loading them on first use.</summary>
    public BpmnDefinitions? For(string processId, out string? error)
    {
        error = null;
        return _byProcess.TryGetValue(processId, out var d) ? d : Resolve(processId, out error);
    }

    private BpmnDefinitions? Resolve(string processId, out string? error)
    {
        error = null;
        var xml = _resolver?.Invoke(processId);
        if (xml is null)
        {
            error = $"the called process '{processId}' was not found";
            return null;
        }
        var outcome = BpmnDefinitions.Parse(xml, _options);
        if (!outcome.Success)
        {
            error = $"the called process '{processId}' is invalid: " + string.Join("; ", outcome.Problems.Select(p => p.ToString()));
            return null;
        }
        if (!outcome.Definitions!.Processes.ContainsKey(processId))
        {
            error = $"the model found for '{processId}' holds no process with that id";
            return null;
        }
        Register(outcome.Definitions);
        return outcome.Definitions;
    }

    private void Register(BpmnDefinitions definitions)
    {
        foreach (var id in definitions.Processes.Keys) _byProcess.TryAdd(id, definitions);
    }

    public static string Describe(string file, ModelProblem p) =>
        $"{file}:{(p.Line is { } l ? l.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?")}: {(p.ElementId is null ? "" : p.ElementId + ": ")}{p.Message}";
}
