using Wuyi.Engine.State;
using Wuyi.Runtime.Store;

namespace Wuyi.Runtime.Instances;

/// <summary>
/// Something that must change together with instances — a domain module's read model kept in step with their states.
/// Called once per transaction, after the transitions' own rows are written and before the one commit, with every
/// start and stimulus applied in it (a whole batch of a fan-out at once). What it writes through
/// the context's connection and transaction commits with the transitions or not at all; if it throws, the
/// transaction rolls back and the transitions are retried like any conflict.
/// </summary>
public interface ITransitionObserver
{
    /// <summary>Writes what follows from <paramref name="transitions"/> inside the transaction of <paramref name="db"/>.</summary>
    Task OnCommittingAsync(RuntimeDbContext db, IReadOnlyList<CommittedTransition> transitions, CancellationToken cancellationToken);
}

/// <summary>One start or stimulus about to commit.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="ProcessKey">Its process.</param>
/// <param name="BusinessKey">Its business key.</param>
/// <param name="Revision">The revision it now has.</param>
/// <param name="Before">Its state before (null for a start).</param>
/// <param name="After">Its state after.</param>
/// <param name="CreatedAt">When the instance started.</param>
/// <param name="At">When this transition happened.</param>
/// <param name="EndedAt">When it ended, if this transition ended it.</param>
public sealed record CommittedTransition(string InstanceId, string ProcessKey, string? BusinessKey, int Revision, InstanceState? Before,
    InstanceState After, DateTimeOffset CreatedAt, DateTimeOffset At, DateTimeOffset? EndedAt);
