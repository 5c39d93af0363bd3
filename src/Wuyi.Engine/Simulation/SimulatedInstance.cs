using Wuyi.Engine.Model;
using Wuyi.Engine.State;

namespace Wuyi.Engine.Simulation;

/// <summary>An instance in the simulation: its name (i1, i2…), the definitions it runs and its latest state.</summary>
internal sealed class SimulatedInstance(string name, BpmnDefinitions definitions, InstanceState state)
{
    public string Name { get; } = name;
    public BpmnDefinitions Definitions { get; } = definitions;
    public InstanceState State { get; set; } = state;
}

/// <summary>An open user task, or a service task left waiting by the scenario.</summary>
internal sealed record OpenTask(string WaitId, string ElementId, SimulatedInstance Instance, string? Assignee, long Sequence, bool IsService);

/// <summary>A scheduled timer: an instance's timer wait, or a process's timer start event.</summary>
internal sealed record PendingTimer(DateTimeOffset DueAt, long Sequence, SimulatedInstance? Instance, string? WaitId,
    BpmnDefinitions? StartDefinitions, string? ProcessId, string? StartEventId, string? Cycle, int Remaining);
