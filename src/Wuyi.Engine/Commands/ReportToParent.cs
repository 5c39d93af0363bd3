using System.Collections.Immutable;

namespace Wuyi.Engine.Commands;

/// <summary>
/// A child instance ended, or threw an escalation it did not catch: tell its parent, at the call activity's wait,
/// with the matching stimulus.
/// </summary>
/// <param name="ParentInstanceId">The parent instance's id.</param>
/// <param name="ParentWaitId">The parent's call-activity wait id.</param>
/// <param name="Outcome">How the child ended, or <see cref="ChildOutcome.Escalated"/>.</param>
/// <param name="Variables">The child's process variables at its end (none for an escalation).</param>
/// <param name="ErrorCode">For <see cref="ChildOutcome.Failed"/>: the BPMN error code; for
/// <see cref="ChildOutcome.Escalated"/>: the escalation code (null for an escalation without one).</param>
/// <param name="Message">A human-readable message, or null.</param>
public sealed record ReportToParent(string ParentInstanceId, string ParentWaitId, ChildOutcome Outcome,
    ImmutableSortedDictionary<string, object?> Variables, string? ErrorCode, string? Message) : EngineCommand;
