namespace Wuyi.Runtime.Store;

/// <summary>
/// Work a step asked for that happens outside the instance's transaction: call a service handler, start or
/// cancel a child, report to a parent, throw a message, broadcast a signal. Written with the step; carried
/// out at least once; everything it causes is idempotent.
/// </summary>
public sealed class OutboxRecord
{
    /// <summary>Insertion order.</summary>
    public long Id { get; set; }

    /// <summary>The instance whose step wrote it.</summary>
    public required string InstanceId { get; init; }

    /// <summary>service, start-child, cancel-child, report-to-parent, throw-message, broadcast-signal.</summary>
    public required string Kind { get; init; }

    /// <summary>The wait it answers, when it answers one.</summary>
    public string? WaitId { get; init; }

    /// <summary>The command as JSON.</summary>
    public required string Payload { get; init; }

    /// <summary>pending, done, cancelled or dead (retries exhausted: an incident).</summary>
    public required string Status { get; set; }

    /// <summary>How many times it was tried.</summary>
    public int Attempts { get; set; }

    /// <summary>Not before this time (exponential back-off after a failure).</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>The node working on it and until when; a crashed node's claim lapses.</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>Until when the claim holds.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }

    /// <summary>The last failure.</summary>
    public string? LastError { get; set; }

    /// <summary>When it was written.</summary>
    public DateTimeOffset CreatedAt { get; init; }
}
