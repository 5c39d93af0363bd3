using System.Collections.Immutable;

namespace Wuyi.Engine.State;

/// <summary>What kind of scope a <see cref="ScopeState"/> is.</summary>
internal enum ScopeKind
{
    Process,
    SubProcess,
    EventSubProcess,
    MultiInstance,
}

/// <summary>What a token is doing at its element.</summary>
internal enum TokenPhase
{
    /// <summary>Arrived and about to be entered (only inside a step).</summary>
    Arriving,

    /// <summary>Waits at a task or catch event for one of its waits.</summary>
    Waiting,

    /// <summary>Waits at a joining gateway for tokens on its other incoming flows.</summary>
    Joining,

    /// <summary>Owns a running child scope: a sub-process, event sub-process or multi-instance body.</summary>
    InScope,

    /// <summary>Held by an incident.</summary>
    Incident,
}

/// <summary>The purpose of a wait: what happens when it is triggered.</summary>
internal enum WaitRole
{
    /// <summary>The token's own activity or catch event completes.</summary>
    Activity,

    /// <summary>A boundary event attached to the token's activity fires.</summary>
    Boundary,

    /// <summary>One branch of the event-based gateway the token waits at is chosen.</summary>
    EventGateway,

    /// <summary>An event sub-process of the scope starts.</summary>
    EventSubProcessStart,
}

/// <summary>A running scope: the process itself, a sub-process, an event sub-process or a multi-instance body.</summary>
internal sealed record ScopeState(int Id, string ElementId, ScopeKind Kind, int? ParentId, int? OwnerTokenId,
    ImmutableSortedDictionary<string, object?> Variables);

/// <summary>A token at a flow node; <see cref="Locals"/> are the element's local variables (mappings, loop counters).</summary>
internal sealed record TokenState(int Id, string ElementId, int ScopeId, TokenPhase Phase, string? ArrivedVia,
    ImmutableSortedDictionary<string, object?> Locals);

/// <summary>An open wait; owned by a token (activity, boundary and gateway waits) or a scope (event sub-process starts).</summary>
internal sealed record WaitState(int Number, WaitKind Kind, WaitRole Role, string ElementId, int? TokenId, int? ScopeId)
{
    public DateTimeOffset? DueAt { get; init; }
    public string? Cycle { get; init; }
    public int Remaining { get; init; }
    public string? Name { get; init; }
    public string? CorrelationKey { get; init; }
    public string? ChildInstanceId { get; init; }
}

/// <summary>How a path held by an incident is retried.</summary>
internal enum IncidentRetry
{
    /// <summary>Enter the element again.</summary>
    Enter,

    /// <summary>Take the element's outgoing flows again.</summary>
    Leave,

    /// <summary>Complete the element again (its output mappings failed).</summary>
    Complete,
}

/// <summary>An incident on a token.</summary>
internal sealed record IncidentState(int TokenId, string ElementId, string Message, IncidentRetry Retry);
