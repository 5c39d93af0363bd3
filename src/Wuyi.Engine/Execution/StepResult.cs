using System.Collections.Immutable;
using Wuyi.Engine.Commands;
using Wuyi.Engine.State;
using Wuyi.Engine.Trace;

namespace Wuyi.Engine.Execution;

/// <summary>The outcome of a start or a step: the new state, what the runtime must do, and what happened.</summary>
/// <param name="State">The instance's new state (the old one, unchanged, when <paramref name="Refusal"/> is set).</param>
/// <param name="Commands">What the runtime must carry out, in order.</param>
/// <param name="Events">What happened, in order: the trace.</param>
/// <param name="Refusal">Why the stimulus changed nothing (an unknown or stale wait, an ended instance), or null.</param>
public sealed record StepResult(InstanceState State, ImmutableArray<EngineCommand> Commands, ImmutableArray<TraceEvent> Events,
    string? Refusal = null)
{
    /// <summary>True when the stimulus was applied.</summary>
    public bool Applied => Refusal is null;
}
