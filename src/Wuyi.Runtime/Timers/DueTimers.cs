using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wuyi.Engine.Stimuli;
using Wuyi.Engine.Timers;
using Wuyi.Runtime.Instances;
using Wuyi.Runtime.Messages;
using Wuyi.Runtime.Store;

namespace Wuyi.Runtime.Timers;

/// <summary>
/// Fires timers that are due: every timer is a row of the waits table with its due time, claimed by one
/// node with a conditional update (a crashed node's claim lapses after <see cref="RuntimeOptions.ClaimDuration"/>)
/// and fired as an idempotent <see cref="TimerFired"/> keyed by wait and due time. Nothing is kept in memory,
/// so a restart reschedules nothing.
/// </summary>
public sealed class DueTimers(RuntimeDbContext db, InstanceTransitions transitions, TimeProvider clock,
    IOptions<RuntimeOptions> options, RuntimeNode node)
{
    /// <summary>Fires up to <paramref name="max"/> timers due by now, earliest first, in batches; returns how many fired.</summary>
    public async Task<int> FireDueAsync(int max, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var fired = 0;
        while (fired < max)
        {
            var claimed = await ClaimAsync(now, Math.Min(max - fired, options.Value.BatchSize), cancellationToken);
            if (claimed.Count == 0)
                break; // none due, or the rest are claimed by others (or held by a suspended instance) until their claim lapses
            await FireAsync(claimed, cancellationToken);
            fired += claimed.Count;
        }
        return fired + await FireTimerStartsAsync(now, max, cancellationToken);
    }

    // Claims a batch with one conditional update (one commit for the batch, not one per timer): a token unique to
    // this claim marks the rows won, so rows another node took in between are simply not ours.
    private async Task<List<StimulusRequest>> ClaimAsync(DateTimeOffset now, int count, CancellationToken cancellationToken)
    {
        var candidates = await db.Waits.AsNoTracking()
            .Where(w => w.Kind == "Timer" && w.DueAt <= now && (w.ClaimedUntil == null || w.ClaimedUntil < now))
            .OrderBy(w => w.DueAt).ThenBy(w => w.Id).Take(count).Select(w => w.Id).ToListAsync(cancellationToken);
        if (candidates.Count == 0)
            return [];
        var token = $"{node.Id}/{Guid.NewGuid():N}";
        var until = now + options.Value.ClaimDuration;
        try
        {
            await db.Waits.Where(w => candidates.Contains(w.Id) && w.DueAt <= now && (w.ClaimedUntil == null || w.ClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.ClaimedBy, token).SetProperty(w => w.ClaimedUntil, until), cancellationToken);
        }
        catch (Exception e) when (Transience.IsRetryable(e))
        {
            return []; // two nodes locked the same rows in opposite orders: the database chose us to give way
        }
        var won = await db.Waits.AsNoTracking().Where(w => candidates.Contains(w.Id) && w.ClaimedBy == token)
            .Select(w => new { w.Id, w.InstanceId, w.DueAt }).ToListAsync(cancellationToken);
        return [.. won.OrderBy(w => w.DueAt).ThenBy(w => w.Id, StringComparer.Ordinal).Select(w => new StimulusRequest(w.InstanceId, new TimerFired(w.Id),
            $"timer:{w.Id}:{w.DueAt!.Value.ToUnixTimeMilliseconds()}", "system:timer"))];
    }

    private async Task FireAsync(List<StimulusRequest> claimed, CancellationToken cancellationToken)
    {
        // Timers of distinct instances fire in one transaction; an instance with two timers due gets its second in a
        // later batch (a batch naming one instance twice is applied one by one by ApplyBatchAsync itself).
        var firsts = claimed.DistinctBy(r => r.InstanceId).ToList();
        var rest = claimed.Except(firsts).ToList();
        var outcomes = (await transitions.ApplyBatchAsync(firsts, cancellationToken)).Concat(await transitions.ApplyBatchAsync(rest, cancellationToken));
        var stale = firsts.Concat(rest).Zip(outcomes).Where(f => f.Second.Status is TransitionStatus.Refused or TransitionStatus.NotFound)
            .Select(f => ((TimerFired)f.First.Stimulus).WaitId).ToList();
        // The engine no longer has these waits: drop the stale index rows so they are not tried forever.
        if (stale.Count > 0)
            await db.Waits.Where(w => stale.Contains(w.Id) && w.ClaimedBy != null && w.ClaimedBy.StartsWith(node.Id + "/")).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The earliest due time of a timer (or timer start) at or before <paramref name="limit"/>, if any.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(DateTimeOffset limit, CancellationToken cancellationToken)
    {
        var wait = await db.Waits.AsNoTracking().Where(w => w.Kind == "Timer" && w.DueAt <= limit).OrderBy(w => w.DueAt)
            .Select(w => w.DueAt).FirstOrDefaultAsync(cancellationToken);
        var start = await db.TimerStarts.AsNoTracking().Where(t => t.DueAt <= limit).OrderBy(t => t.DueAt)
            .Select(t => (DateTimeOffset?)t.DueAt).FirstOrDefaultAsync(cancellationToken);
        return wait is null ? start : start is null ? wait : wait < start ? wait : start;
    }

    // A timer start: claim it, start the instance (its id derives from the firing, so a retry after a crash
    // finds it), then move the row to the next firing or remove it.
    private async Task<int> FireTimerStartsAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        var due = await db.TimerStarts.AsNoTracking().Where(t => t.DueAt <= now && (t.ClaimedUntil == null || t.ClaimedUntil < now))
            .OrderBy(t => t.DueAt).Take(max).ToListAsync(cancellationToken);
        var fired = 0;
        foreach (var start in due)
        {
            var until = now + options.Value.ClaimDuration;
            var claimed = await db.TimerStarts.Where(t => t.Id == start.Id && t.DueAt == start.DueAt && (t.ClaimedUntil == null || t.ClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.ClaimedBy, node.Id).SetProperty(t => t.ClaimedUntil, until), cancellationToken);
            if (claimed == 0)
                continue;
            var instanceId = MessageCorrelation.DerivedId("t", $"{start.Id}@{start.DueAt.ToUnixTimeMilliseconds()}", start.ProcessKey);
            await transitions.StartAsync(new StartInstanceRequest(start.ProcessKey, null, null, "system:timer-start", instanceId,
                start.DefinitionId, start.StartEventId), cancellationToken);
            var next = TimerStarts.Next(new TimerStartDue(start.ProcessKey, start.StartEventId, start.DueAt, start.Cycle, start.Remaining));
            var row = db.TimerStarts.Where(t => t.Id == start.Id && t.DueAt == start.DueAt);
            if (next is null)
                await row.ExecuteDeleteAsync(cancellationToken);
            else
                await row.ExecuteUpdateAsync(s => s.SetProperty(t => t.DueAt, next.DueAt).SetProperty(t => t.Remaining, next.Remaining)
                    .SetProperty(t => t.ClaimedUntil, (DateTimeOffset?)null).SetProperty(t => t.ClaimedBy, (string?)null), cancellationToken);
            fired++;
        }
        return fired;
    }
}
