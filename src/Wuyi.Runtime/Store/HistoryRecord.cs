namespace Wuyi.Runtime.Store;

/// <summary>One append-only history entry: an engine event, as <c>simulate</c> prints it, plus who caused it.</summary>
public sealed class HistoryRecord
{
    /// <summary>Global insertion order.</summary>
    public long Id { get; set; }

    /// <summary>The instance it concerns.</summary>
    public required string InstanceId { get; init; }

    /// <summary>When it happened (the stimulus's time).</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>The event type, e.g. <c>activity-started</c>.</summary>
    public required string Type { get; init; }

    /// <summary>The flow node it concerns, if any.</summary>
    public string? ElementId { get; init; }

    /// <summary>Who caused it: a user name, <c>system:timer</c>, <c>system:service</c>…</summary>
    public required string Actor { get; init; }

    /// <summary>The whole event as one JSON object.</summary>
    public required string Data { get; init; }
}
