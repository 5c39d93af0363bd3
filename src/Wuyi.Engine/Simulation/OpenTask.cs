namespace Wuyi.Engine.Simulation;

/// <summary>An open user task, or a service task left waiting by the scenario.</summary>
internal sealed record OpenTask(string WaitId, string ElementId, SimulatedInstance Instance, string? Assignee, long Sequence, bool IsService);
