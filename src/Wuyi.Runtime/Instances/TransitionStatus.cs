namespace Wuyi.Runtime.Instances;

/// <summary>What became of a stimulus.</summary>
public enum TransitionStatus
{
    /// <summary>Applied: the instance changed, in one transaction with its waits, tasks, history and outbox.</summary>
    Applied,

    /// <summary>Its idempotency key was applied before; nothing changed this time.</summary>
    Duplicate,

    /// <summary>The engine refused it (an unknown or stale wait, an ended instance); nothing changed.</summary>
    Refused,

    /// <summary>The instance is suspended; the stimulus is kept and applied on resume.</summary>
    Held,

    /// <summary>No such instance.</summary>
    NotFound,

    /// <summary>
    /// The instance could not be stepped (its stored state is unreadable, or the step failed); nothing changed and an
    /// incident names it. Others in the same batch are not affected.
    /// </summary>
    Failed,

    /// <summary>Its idempotency key was applied before with a different stimulus; nothing changed (the refusal says what differs).</summary>
    KeyReused,
}
