using Wuyi.Engine.State;

namespace Wuyi.Engine.Execution;

/// <summary>How to start an instance.</summary>
/// <param name="InstanceId">The new instance's id (ids arrive from outside: the engine invents none).</param>
/// <param name="BusinessKey">The business key, or null.</param>
/// <param name="Variables">The start variables (or the start message's payload), or null.</param>
/// <param name="StartEventId">The start event to start at (a message, signal or timer start); null for the none start event.</param>
/// <param name="Parent">For a child started by a call activity: its parent's instance and wait.</param>
public sealed record StartRequest(string InstanceId, string? BusinessKey = null,
    IReadOnlyDictionary<string, object?>? Variables = null, string? StartEventId = null, ParentLink? Parent = null)
{
    /// <summary>Who starts the instance (a user name), stored in the variable a start event's <c>camunda:initiator</c> names.</summary>
    public string? Initiator { get; init; }
}
