using Wuyi.Engine.Model;

namespace Wuyi.Engine.Simulation;

/// <summary>A scheduled timer: an instance's timer wait, or a process's timer start event.</summary>
internal sealed record PendingTimer(DateTimeOffset DueAt, long Sequence, SimulatedInstance? Instance, string? WaitId,
    BpmnDefinitions? StartDefinitions, string? ProcessId, string? StartEventId, string? Cycle, int Remaining);
