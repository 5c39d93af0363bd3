namespace Wuyi.Runtime.Store;

/// <summary>
/// A stimulus already applied, by idempotency key (<c>task:{id}</c>, <c>timer:{wait}</c>, <c>msg:{id}:{instance}</c>,
/// a client's key…). Written in the same transaction as the change it caused, so a repeat finds it and
/// changes nothing.
/// </summary>
public sealed class AppliedStimulusRecord
{
    /// <summary>The idempotency key.</summary>
    public required string Key { get; init; }

    /// <summary>The instance it was applied to.</summary>
    public required string InstanceId { get; init; }

    /// <summary>Who.</summary>
    public required string Actor { get; init; }

    /// <summary>When.</summary>
    public DateTimeOffset AppliedAt { get; init; }

    /// <summary>The instance revision it produced.</summary>
    public int Revision { get; init; }

    /// <summary>
    /// What the stimulus was (kind, wait and a hash of its payload; see <c>StimulusFingerprint</c>), so a replay of
    /// the key with another payload is told what differs instead of silently getting the first answer. Null for rows
    /// written before fingerprints.
    /// </summary>
    public string? Fingerprint { get; init; }
}
