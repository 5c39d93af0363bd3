using Wuyi.Engine.Simulation;

namespace Wuyi.Certification.Tests.Workflows;

/// <summary>Runs a scenario file through the engine's simulator, exactly as <c>wuyi simulate</c> does.</summary>
internal static class ScenarioRunner
{
    public static ScenarioRunResult Run(string scenarioName)
    {
        var processId = WorkflowFiles.ProcessOfScenario(scenarioName);
        var scenarioJson = File.ReadAllText(Path.Combine(WorkflowFiles.ScenariosDirectory, scenarioName));
        var input = new SimulationInput(WorkflowFiles.ReadModel(processId), processId + ".bpmn", scenarioJson, null,
            WorkflowFiles.ResolveCalledElement);
        var trace = new List<string>();
        var errors = new List<string>();
        var exit = Simulator.Run(input, trace.Add, errors.Add);
        return new ScenarioRunResult(scenarioName, exit, trace, errors);
    }
}
