using Wuyi.Engine.State;

namespace Wuyi.Runtime.Instances;

/// <summary>How to start an instance.</summary>
/// <param name="ProcessKey">The process to start: its newest version unless <paramref name="DefinitionId"/> is given.</param>
/// <param name="BusinessKey">The business key, e.g. an area code.</param>
/// <param name="Variables">Start variables (JSON-shaped values).</param>
/// <param name="Actor">Who starts it.</param>
/// <param name="InstanceId">The id to use; a new one when null. Starting an id that exists changes nothing.</param>
/// <param name="DefinitionId">A specific version (a child starts on its parent's choice).</param>
/// <param name="StartEventId">The start event (message, signal, timer starts); null for the none start.</param>
/// <param name="Parent">For a call activity's child: the parent's instance and wait.</param>
public sealed record StartInstanceRequest(string ProcessKey, string? BusinessKey, IReadOnlyDictionary<string, object?>? Variables,
    string Actor, string? InstanceId = null, long? DefinitionId = null, string? StartEventId = null, ParentLink? Parent = null)
{
    /// <summary>The user who starts it, for a start event's <c>camunda:initiator</c> (the signed-in user who asked for the start).</summary>
    public string? Initiator { get; init; }
}
