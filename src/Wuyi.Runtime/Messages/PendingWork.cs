using Wuyi.Runtime.Instances;

namespace Wuyi.Runtime.Messages;

/// <summary>
/// What the transitions of one request left to do right after commit: the outbox rows they wrote and the
/// instances that changed (whose new message waits may match a buffered message). Scoped to one request.
/// </summary>
public sealed class PendingWork
{
    private readonly Queue<long> outbox = new();
    private readonly HashSet<string> changed = [];

    /// <summary>Records a transition's follow-up work.</summary>
    public void Add(TransitionOutcome outcome)
    {
        if (outcome.Status != TransitionStatus.Applied)
            return;
        changed.Add(outcome.InstanceId);
        foreach (var id in outcome.OutboxIds ?? [])
            outbox.Enqueue(id);
    }

    /// <summary>Takes the next outbox row to carry out, if any.</summary>
    public bool TryTakeOutbox(out long id) => outbox.TryDequeue(out id);

    /// <summary>Takes the instances changed since the last call.</summary>
    public IReadOnlyList<string> TakeChanged()
    {
        var result = changed.ToList();
        changed.Clear();
        return result;
    }
}
