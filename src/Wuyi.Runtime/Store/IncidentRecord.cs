namespace Wuyi.Runtime.Store;

/// <summary>Something an operator must look at: a path stopped by the engine, or a handler out of retries.</summary>
public sealed class IncidentRecord
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }

    /// <summary>The instance.</summary>
    public required string InstanceId { get; init; }

    /// <summary>The element where it stopped.</summary>
    public required string ElementId { get; init; }

    /// <summary>engine (a step's incident) or outbox (retries exhausted).</summary>
    public required string Source { get; init; }

    /// <summary>For an outbox incident: the dead outbox row to retry.</summary>
    public long? OutboxId { get; init; }

    /// <summary>Why.</summary>
    public required string Message { get; init; }

    /// <summary>When it arose.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it was resolved (retried), or null while open.</summary>
    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>Who resolved it.</summary>
    public string? ResolvedBy { get; set; }
}
