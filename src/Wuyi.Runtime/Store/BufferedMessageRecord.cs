namespace Wuyi.Runtime.Store;

/// <summary>A message that found no wait, kept until a matching wait appears or its time-to-live ends.</summary>
public sealed class BufferedMessageRecord
{
    /// <summary>The sender's message id.</summary>
    public required string MessageId { get; init; }

    /// <summary>The message name.</summary>
    public required string Name { get; init; }

    /// <summary>The correlation key.</summary>
    public string? CorrelationKey { get; init; }

    /// <summary>The payload (JSON object).</summary>
    public required string Variables { get; init; }

    /// <summary>When it arrived.</summary>
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>When it is dropped.</summary>
    public DateTimeOffset ExpiresAt { get; init; }
}
