using Wuyi.Runtime.Outbox;

namespace Wuyi.Runtime.Messages;

/// <summary>
/// Carries out, right after a request's transitions commit, the outbox rows they wrote and the buffered
/// messages their new waits match — and what those cause in turn — so an API call returns with the
/// instance at its next wait. What is left (a crash, a bound reached) the background loop finishes.
/// </summary>
public sealed class PendingWorkRunner(PendingWork pending, OutboxWork outbox, MessageCorrelation messages)
{
    private const int MaxOperations = 10_000;

    /// <summary>Runs the pending work to quiescence (bounded, so a model that loops through messages cannot hang a request).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        for (var operations = 0; operations < MaxOperations;)
        {
            var progressed = false;
            while (operations < MaxOperations && pending.TryTakeOutbox(out var id))
            {
                // The background loop may have claimed the row first: wait for it, so the caller still answers
                // with the instance at its next wait.
                if (!await outbox.RunAsync(id, cancellationToken))
                    await outbox.WaitUntilSettledAsync(id, cancellationToken);
                operations++;
                progressed = true;
            }
            var changed = pending.TakeChanged();
            // Most of the time nothing is buffered: one cheap query spares one join per changed instance.
            if (changed.Count > 0 && !await messages.AnyBufferedAsync(cancellationToken))
                changed = [];
            foreach (var instanceId in changed)
            {
                await messages.DeliverBufferedAsync(instanceId, cancellationToken);
                operations++;
                progressed = true;
            }
            if (!progressed)
                return;
        }
    }
}
