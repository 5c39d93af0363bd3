namespace Wuyi.Runtime.Instances;

/// <summary>The outcome of a start or a stimulus.</summary>
/// <param name="Status">What became of it.</param>
/// <param name="InstanceId">The instance concerned.</param>
/// <param name="Revision">The instance's revision afterwards (0 when unknown).</param>
/// <param name="Refusal">For <see cref="TransitionStatus.Refused"/>, <see cref="TransitionStatus.Failed"/> and
/// <see cref="TransitionStatus.KeyReused"/>: why, in words.</param>
/// <param name="OutboxIds">The outbox rows the step wrote, carried out before the operation returns.</param>
public sealed record TransitionOutcome(TransitionStatus Status, string InstanceId, int Revision = 0, string? Refusal = null,
    IReadOnlyList<long>? OutboxIds = null)
{
    /// <summary>True when the instance is in the state the stimulus asked for (applied now or before).</summary>
    public bool Succeeded => Status is TransitionStatus.Applied or TransitionStatus.Duplicate or TransitionStatus.Held;

    /// <summary>When an applied step was made (its rows carry this time); null otherwise.</summary>
    internal DateTimeOffset? At { get; init; }

    /// <summary>True when the step created a message wait (a buffered message may already match it).</summary>
    internal bool AwaitsMessage { get; init; }

    /// <summary>A limit the step's new state broke; the single-stimulus operations throw it.</summary>
    internal Limits.InputLimitException? Exceeded { get; init; }
}
