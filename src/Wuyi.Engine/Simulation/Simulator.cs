using Wuyi.Engine.Model;

namespace Wuyi.Engine.Simulation;

/// <summary>
/// <c>wuyi simulate</c>: runs a model and a scenario in memory on a virtual clock and writes the JSON Lines
/// trace (the last line is the result). Pure apart from the two writers: the caller reads the files.
/// </summary>
public static class Simulator
{
    /// <summary>Exit code: the scenario ran and every expectation held.</summary>
    public const int Success = 0;

    /// <summary>Exit code: an <c>expect</c> step failed.</summary>
    public const int ExpectationFailed = 1;

    /// <summary>Exit code: the model or the scenario is invalid.</summary>
    public const int Invalid = 2;

    /// <summary>Runs the simulation.</summary>
    /// <param name="input">The model, the scenario and the called-model resolver.</param>
    /// <param name="writeLine">Receives each line of the trace (standard output).</param>
    /// <param name="writeError">Receives each diagnostic (standard error); defaults to <paramref name="writeLine"/>.</param>
    /// <returns>0, 1 or 2 as <c>wuyi simulate</c>'s exit code.</returns>
    public static int Run(SimulationInput input, Action<string> writeLine, Action<string>? writeError = null) =>
        Run(input, writeLine, writeError, SimulatedWorld.DefaultFollowUpBudget);

    internal static int Run(SimulationInput input, Action<string> writeLine, Action<string>? writeError, int followUpBudget)
    {
        writeError ??= writeLine;
        var errors = new List<string>();
        var models = ModelLibrary.Load(input, errors);
        var scenario = Scenario.Empty;
        if (input.ScenarioJson is not null)
        {
            var read = ScenarioReader.Read(input.ScenarioJson, out var scenarioErrors);
            errors.AddRange(scenarioErrors);
            scenario = read ?? scenario;
        }
        ProcessDefinition? process = null;
        if (models is not null)
        {
            process = ChooseProcess(models.Main, input, errors);
            ScenarioChecks.Check(models, scenario, errors);
        }
        if (errors.Count > 0 || models is null || process is null)
        {
            foreach (var e in errors) writeError(e);
            return Invalid;
        }
        var world = new SimulatedWorld(models, scenario, writeLine, followUpBudget);
        world.Begin(process);
        var exit = new ScenarioRun(world, writeError).Perform(scenario.Steps);
        writeLine(ResultLine.Write(world.Instances));
        return exit;
    }

    private static ProcessDefinition? ChooseProcess(BpmnDefinitions definitions, SimulationInput input, List<string> errors)
    {
        var executable = definitions.ExecutableProcesses;
        if (input.ProcessId is { } wanted)
        {
            var process = executable.FirstOrDefault(p => p.Id == wanted);
            if (process is null)
                errors.Add($"{input.ModelFileName}: --process {wanted}: no executable process with that id (executable: {string.Join(", ", executable.Select(p => p.Id))})");
            return process;
        }
        if (executable.Length == 1) return executable[0];
        errors.Add(executable.IsEmpty
            ? $"{input.ModelFileName}: the model holds no executable process"
            : $"{input.ModelFileName}: the model holds several executable processes ({string.Join(", ", executable.Select(p => p.Id))}); pick one with --process");
        return null;
    }
}
