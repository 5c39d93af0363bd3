namespace Wuyi.Runtime.Instances;

/// <summary>
/// What the committed transitions of one operation left to do: the outbox rows they wrote and the instances that now
/// wait for a message (which may be buffered already). Filled by <see cref="InstanceTransitions"/> and emptied by
/// the same operation before it returns, so no caller has anything to remember.
/// </summary>
internal sealed class FollowUps
{
    private readonly Queue<long> outbox = new();
    private readonly HashSet<string> awaitingMessages = [];

    /// <summary>Records a committed transition's follow-up work.</summary>
    public void Add(TransitionOutcome outcome)
    {
        if (outcome.Status != TransitionStatus.Applied)
            return;
        if (outcome.AwaitsMessage)
            awaitingMessages.Add(outcome.InstanceId);
        foreach (var id in outcome.OutboxIds ?? [])
            outbox.Enqueue(id);
    }

    /// <summary>Records outbox rows written in a committed transaction besides its transitions' own.</summary>
    public void AddOutbox(IEnumerable<long> ids)
    {
        foreach (var id in ids)
            outbox.Enqueue(id);
    }

    /// <summary>Takes the next outbox row to carry out, if any.</summary>
    public bool TryTakeOutbox(out long id) => outbox.TryDequeue(out id);

    /// <summary>Takes the instances that began waiting for a message since the last call.</summary>
    public IReadOnlyList<string> TakeAwaitingMessages()
    {
        var result = awaitingMessages.ToList();
        awaitingMessages.Clear();
        return result;
    }

    /// <summary>Forgets what is left (after a failure: the background loop finds the rows in the database).</summary>
    public void Clear()
    {
        outbox.Clear();
        awaitingMessages.Clear();
    }
}
