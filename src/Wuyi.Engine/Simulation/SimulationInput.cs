namespace Wuyi.Engine.Simulation;

/// <summary>What <c>wuyi simulate</c> runs: the model, the scenario and where called models come from. No paths: the caller reads files.</summary>
/// <param name="ModelXml">The BPMN XML of the model.</param>
/// <param name="ModelFileName">The model's file name, used in messages.</param>
/// <param name="ScenarioJson">The scenario's JSON text, or null to start once with no variables.</param>
/// <param name="ProcessId">The process to start where the model holds several executable ones, or null.</param>
/// <param name="ResolveCalledElement">Returns the BPMN XML holding the process a call activity names, or null when there is none.</param>
public sealed record SimulationInput(string ModelXml, string ModelFileName, string? ScenarioJson = null, string? ProcessId = null,
    Func<string, string?>? ResolveCalledElement = null)
{
    /// <summary>What the models are parsed and run with (limits, the script engine); the engine's defaults when not given.</summary>
    public Model.ModelOptions Options { get; init; } = Model.ModelOptions.Default;
}
