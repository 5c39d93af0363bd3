namespace Wuyi.Certification.Signals;

/// <summary>An accepted epidemic signal with the answer it got, so the same id again gets the same answer.</summary>
public sealed class SignalRecord
{
    /// <summary>The sender's signal id.</summary>
    public required string Id { get; init; }

    /// <summary>The signal type.</summary>
    public required string Type { get; init; }

    /// <summary>When it was received.</summary>
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Who sent it.</summary>
    public required string Actor { get; init; }

    /// <summary>The answer as JSON; null until its messages are delivered (a retry delivers them again, idempotently).</summary>
    public string? Answer { get; set; }
}
