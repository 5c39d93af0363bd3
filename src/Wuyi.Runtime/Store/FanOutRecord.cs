namespace Wuyi.Runtime.Store;

/// <summary>
/// A message fan-out or signal broadcast, recorded when it is accepted and before it is delivered, so that a crash
/// half-way leaves a row any node can resume (every delivery is keyed, so running it again from the start only adds
/// what is missing) instead of a partial fan-out waiting for the sender to resend.
/// </summary>
public sealed class FanOutRecord
{
    /// <summary><c>message:{messageId}</c> or <c>signal:{broadcastId}</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The request (a <c>FanOutRequest</c>) as JSON.</summary>
    public required string Request { get; init; }

    /// <summary>pending or done.</summary>
    public required string Status { get; set; }

    /// <summary>The node delivering it; a crashed node's claim lapses.</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>Until when the claim holds.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }

    /// <summary>How many runs started (the first by the accepting request).</summary>
    public int Attempts { get; set; }

    /// <summary>When it was accepted.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the last delivery finished.</summary>
    public DateTimeOffset? FinishedAt { get; set; }
}
