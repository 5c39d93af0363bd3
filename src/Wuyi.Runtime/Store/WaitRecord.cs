namespace Wuyi.Runtime.Store;

/// <summary>
/// An open wait of an instance, projected from the engine's state after every step: the index that
/// correlation, timers and signal broadcasts search. The state document stays the source of truth.
/// </summary>
public sealed class WaitRecord
{
    /// <summary>The engine's wait id (<c>{instance}/w{n}</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The waiting instance.</summary>
    public required string InstanceId { get; init; }

    /// <summary>UserTask, Service, Receive, Timer, Message, Signal or Child.</summary>
    public required string Kind { get; init; }

    /// <summary>The element that waits.</summary>
    public required string ElementId { get; init; }

    /// <summary>The message or signal name.</summary>
    public string? Name { get; init; }

    /// <summary>The message correlation key.</summary>
    public string? CorrelationKey { get; init; }

    /// <summary>For a timer: when it falls due.</summary>
    public DateTimeOffset? DueAt { get; set; }

    /// <summary>For a timer being fired: until when the claiming node holds it (then anyone may take it over).</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }

    /// <summary>The node that claimed it.</summary>
    public string? ClaimedBy { get; set; }
}
