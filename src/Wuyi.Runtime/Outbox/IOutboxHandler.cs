using Wuyi.Runtime.Store;

namespace Wuyi.Runtime.Outbox;

/// <summary>
/// Carries out outbox rows of a kind a module adds (mail, say): written by the module inside a transition's
/// transaction (through an <c>ITransitionObserver</c>) or by a service handler, carried out after the commit, at
/// least once, retried with exponential back-off on failure like every outbox row.
/// </summary>
public interface IOutboxHandler
{
    /// <summary>The row kind it carries out, e.g. <c>mail</c>; must not be one of the runtime's own.</summary>
    string Kind { get; }

    /// <summary>Tries before the row is dead and an incident; null retries for ever (mail: an outage only delays it).</summary>
    int? MaxAttempts { get; }

    /// <summary>The longest wait between two tries (the back-off doubles up to it).</summary>
    TimeSpan MaxRetryDelay { get; }

    /// <summary>Does the work of <paramref name="row"/>; throws for a failure to retry.</summary>
    Task HandleAsync(OutboxRecord row, CancellationToken cancellationToken);
}
