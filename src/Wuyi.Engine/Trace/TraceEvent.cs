using System.Collections.Immutable;

namespace Wuyi.Engine.Trace;

/// <summary>
/// One event of an instance's history, in the shape of <c>wuyi simulate</c>'s JSON Lines trace;
/// <see cref="TraceEventJson"/> writes it. Fields that do not apply are null.
/// </summary>
/// <param name="At">When it happened (the stimulus's time).</param>
/// <param name="Type">The event type: <c>instance-started</c>, <c>activity-started</c>, <c>task-created</c>, <c>timer-fired</c>…</param>
public sealed record TraceEvent(DateTimeOffset At, string Type)
{
    /// <summary>The instance it concerns.</summary>
    public string? Instance { get; init; }

    /// <summary>The process the instance runs.</summary>
    public string? Process { get; init; }

    /// <summary>The instance's business key (on <c>instance-started</c>).</summary>
    public string? BusinessKey { get; init; }

    /// <summary>The flow node (or, for <c>flow-taken</c>, the sequence flow) it concerns.</summary>
    public string? Element { get; init; }

    /// <summary>The BPMN element type of <see cref="Element"/> (<c>userTask</c>, <c>exclusiveGateway</c>…).</summary>
    public string? ElementType { get; init; }

    /// <summary>A created task's assignee.</summary>
    public string? Assignee { get; init; }

    /// <summary>A created task's candidate groups.</summary>
    public ImmutableArray<string>? CandidateGroups { get; init; }

    /// <summary>A created task's due date.</summary>
    public string? DueDate { get; init; }

    /// <summary>A created task's form key.</summary>
    public string? FormKey { get; init; }

    /// <summary>A scheduled timer's due time.</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>A message's or signal's name.</summary>
    public string? Name { get; init; }

    /// <summary>A message's correlation key.</summary>
    public string? CorrelationKey { get; init; }

    /// <summary>A started child instance's id.</summary>
    public string? Child { get; init; }

    /// <summary>An incident's message, or the reason for a cancellation.</summary>
    public string? Message { get; init; }

    /// <summary>The BPMN error code an incident or a caught error concerns.</summary>
    public string? ErrorCode { get; init; }
}
