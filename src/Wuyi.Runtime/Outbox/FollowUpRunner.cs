using Wuyi.Runtime.Instances;
using Wuyi.Runtime.Messages;

namespace Wuyi.Runtime.Outbox;

/// <summary>
/// Carries out, right after an operation's transitions commit, the outbox rows they wrote and the buffered messages
/// their new waits match — and what those cause in turn — so an API call returns with the instance at its next wait.
/// What is left (a crash, the bound reached) the background loop finishes.
/// </summary>
internal sealed class FollowUpRunner(OutboxWork outbox, MessageCorrelation messages) : IFollowUpRunner
{
    private const int MaxOperations = 10_000;

    /// <inheritdoc />
    public async Task RunAsync(FollowUps work, CancellationToken cancellationToken)
    {
        for (var operations = 0; operations < MaxOperations;)
        {
            var progressed = false;
            while (operations < MaxOperations && work.TryTakeOutbox(out var id))
            {
                // The background loop may have claimed the row first: wait for it, so the caller still answers
                // with the instance at its next wait.
                if (!await outbox.RunAsync(id, cancellationToken))
                    await outbox.WaitUntilSettledAsync(id, cancellationToken);
                operations++;
                progressed = true;
            }
            var waiting = work.TakeAwaitingMessages();
            // Most of the time nothing is buffered: one cheap query spares one join per waiting instance.
            if (waiting.Count > 0 && !await messages.AnyBufferedAsync(cancellationToken))
                waiting = [];
            foreach (var instanceId in waiting)
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
