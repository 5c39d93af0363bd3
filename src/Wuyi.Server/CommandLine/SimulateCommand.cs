using System.CommandLine;
using Wuyi.Engine.Model;
using Wuyi.Engine.Simulation;

namespace Wuyi.Server.CommandLine;

/// <summary>
/// `wuyi simulate MODEL.bpmn [--scenario S.json] [--process ID] [--models DIR]`: a dry run in memory on a virtual
/// clock — no database, no network. The contract is ../shared/brief/simulate.md: JSON Lines on standard output,
/// exit 0 (ran, every expect held), 1 (an expect failed), 2 (invalid model or scenario).
/// </summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var model = new Argument<FileInfo>("MODEL") { Description = "The BPMN 2.0 file to run." };
        var scenario = new Option<FileInfo?>("--scenario") { Description = "A scenario (JSON): start time, variables, services and steps." };
        var process = new Option<string?>("--process") { Description = "The process to start where the file holds several executable ones." };
        var models = new Option<DirectoryInfo?>("--models") { Description = "Where call activities find the models they call (default: the model's folder)." };
        var command = new Command("simulate", "Dry-run a BPMN model and a scenario in memory; prints the trace as JSON Lines.") { model, scenario, process, models };
        command.SetAction((parse, _) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var modelFile = parse.GetRequiredValue(model);
            var scenarioFile = parse.GetValue(scenario);
            if (Read(modelFile) is not { } xml)
                return Task.FromResult(Fail(error, $"{modelFile.FullName}: cannot read the model"));
            string? scenarioJson = null;
            if (scenarioFile is not null && (scenarioJson = Read(scenarioFile)) is null)
                return Task.FromResult(Fail(error, $"{scenarioFile.FullName}: cannot read the scenario"));
            var folder = parse.GetValue(models) ?? modelFile.Directory!;
            var library = new CalledModels(folder);
            // Scripts run as the server runs them; a script resource is read from the model's folder.
            var options = new ModelOptions
            {
                Scripts = new Wuyi.Scripting.JintScriptEngine(),
                ResolveScriptResource = resource => ReadResource(modelFile.Directory!, resource),
            };
            var input = new SimulationInput(xml, modelFile.Name, scenarioJson, parse.GetValue(process), library.Find) { Options = options };
            return Task.FromResult(Simulator.Run(input, output.WriteLine, error.WriteLine));
        });
        return command;
    }

    // camunda:resource="deployment://check.js" or "check.js": a file beside the model, never outside its folder.
    private static string? ReadResource(DirectoryInfo folder, string resource)
    {
        var name = resource.StartsWith("deployment://", StringComparison.Ordinal) ? resource["deployment://".Length..] : resource;
        var path = Path.GetFullPath(Path.Combine(folder.FullName, name));
        var root = Path.GetFullPath(folder.FullName) + Path.DirectorySeparatorChar;
        return path.StartsWith(root, StringComparison.Ordinal) && File.Exists(path) ? Read(new FileInfo(path)) : null;
    }

    // Indexing only reads process ids, but a model with a JavaScript task must parse to be found.
    private static readonly ModelOptions IndexOptions = new() { Scripts = new Wuyi.Scripting.JintScriptEngine() };

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine(message);
        return Simulator.Invalid;
    }

    private static string? Read(FileInfo file)
    {
        try
        {
            return File.ReadAllText(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Finds the file of a called process among the folder's .bpmn files, reading each once.</summary>
    private sealed class CalledModels(DirectoryInfo folder)
    {
        private Dictionary<string, string>? byProcessId;

        public string? Find(string processId)
        {
            byProcessId ??= Index();
            return byProcessId.GetValueOrDefault(processId);
        }

        private Dictionary<string, string> Index()
        {
            var index = new Dictionary<string, string>(StringComparer.Ordinal);
            if (!folder.Exists)
                return index;
            foreach (var file in folder.EnumerateFiles("*.bpmn").OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                if (Read(file) is not { } xml || BpmnDefinitions.Parse(xml, IndexOptions).Definitions is not { } definitions)
                    continue;
                foreach (var id in definitions.Processes.Keys)
                    index.TryAdd(id, xml);
            }
            return index;
        }
    }
}
