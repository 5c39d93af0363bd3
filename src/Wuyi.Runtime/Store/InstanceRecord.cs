namespace Wuyi.Runtime.Store;

/// <summary>One process instance: the engine's state document and what queries need beside it.</summary>
public sealed class InstanceRecord
{
    /// <summary>The instance id.</summary>
    public required string Id { get; init; }

    /// <summary>The definition version it runs; it stays on it.</summary>
    public long DefinitionId { get; init; }

    /// <summary>The process key (denormalised for queries).</summary>
    public required string ProcessKey { get; init; }

    /// <summary>The business key, e.g. an area code.</summary>
    public string? BusinessKey { get; init; }

    /// <summary>The statistical region code the instance concerns: the distribution key of hot queries.</summary>
    public string? RegionCode { get; init; }

    /// <summary>The calling instance, for a call activity's child.</summary>
    public string? ParentId { get; init; }

    /// <summary>running, waiting, completed, terminated or failed (as <c>simulate</c> reports it).</summary>
    public required string Status { get; set; }

    /// <summary>Held by an administrator: stimuli are kept, not applied, until resumed.</summary>
    public bool Suspended { get; set; }

    /// <summary>The engine's state, as <c>InstanceStateJson</c> writes it.</summary>
    public required string State { get; set; }

    /// <summary>Optimistic concurrency: every change increments it, and a write expecting another value fails.</summary>
    public int Revision { get; set; }

    /// <summary>When it started.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When it completed or was terminated.</summary>
    public DateTimeOffset? EndedAt { get; set; }
}
