namespace Wuyi.Runtime.Store;

/// <summary>A stimulus that arrived while its instance was suspended: applied, in order, on resume.</summary>
public sealed class HeldStimulusRecord
{
    /// <summary>Arrival order.</summary>
    public long Id { get; set; }

    /// <summary>The suspended instance.</summary>
    public required string InstanceId { get; init; }

    /// <summary>The stimulus's idempotency key.</summary>
    public required string Key { get; init; }

    /// <summary>The stimulus, as JSON.</summary>
    public required string Stimulus { get; init; }

    /// <summary>Who sent it.</summary>
    public required string Actor { get; init; }

    /// <summary>When it arrived.</summary>
    public DateTimeOffset ReceivedAt { get; init; }
}
