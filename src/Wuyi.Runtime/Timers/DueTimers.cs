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
    /// <summary>Fires up to <paramref name="max"/> timers due by now, earliest first; returns how many fired.</summary>
    public async Task<int> FireDueAsync(int max, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.Waits.AsNoTracking()
            .Where(w => w.Kind == "Timer" && w.DueAt <= now && (w.ClaimedUntil == null || w.ClaimedUntil < now))
            .OrderBy(w => w.DueAt).ThenBy(w => w.Id).Take(max)
            .Select(w => new { w.Id, w.InstanceId, w.DueAt }).ToListAsync(cancellationToken);
        var claimed = new List<StimulusRequest>();
        var until = now + options.Value.ClaimDuration;
        foreach (var timer in due)
        {
            var mine = await db.Waits.Where(w => w.Id == timer.Id && w.DueAt == timer.DueAt && (w.ClaimedUntil == null || w.ClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.ClaimedBy, node.Id).SetProperty(w => w.ClaimedUntil, until), cancellationToken);
            if (mine > 0) // else another node has it
                claimed.Add(new StimulusRequest(timer.InstanceId, new TimerFired(timer.Id),
                    $"timer:{timer.Id}:{timer.DueAt!.Value.ToUnixTimeMilliseconds()}", "system:timer"));
        }
        // Timers of distinct instances fire in one transaction; an instance with two timers due gets its second in a
        // later batch (a batch naming one instance twice is applied one by one by ApplyBatchAsync itself).
        var firsts = claimed.DistinctBy(r => r.InstanceId).ToList();
        var rest = claimed.Except(firsts).ToList();
        var outcomes = (await transitions.ApplyBatchAsync(firsts, cancellationToken)).Concat(await transitions.ApplyBatchAsync(rest, cancellationToken));
        foreach (var (request, outcome) in firsts.Concat(rest).Zip(outcomes))
            if (outcome.Status is TransitionStatus.Refused or TransitionStatus.NotFound)
            {
                // The engine no longer has this wait: drop the stale index row so it is not tried forever.
                var waitId = ((TimerFired)request.Stimulus).WaitId;
                await db.Waits.Where(w => w.Id == waitId && w.ClaimedBy == node.Id).ExecuteDeleteAsync(cancellationToken);
            }
        var fired = claimed.Count;
        return fired + await FireTimerStartsAsync(now, max, cancellationToken);
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
