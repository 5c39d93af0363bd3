using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wuyi.Engine.Stimuli;
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
        var fired = 0;
        foreach (var timer in due)
        {
            var until = now + options.Value.ClaimDuration;
            var claimed = await db.Waits.Where(w => w.Id == timer.Id && w.DueAt == timer.DueAt && (w.ClaimedUntil == null || w.ClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.ClaimedBy, node.Id).SetProperty(w => w.ClaimedUntil, until), cancellationToken);
            if (claimed == 0)
                continue; // another node has it
            var outcome = await transitions.ApplyAsync(new StimulusRequest(timer.InstanceId, new TimerFired(timer.Id),
                $"timer:{timer.Id}:{timer.DueAt!.Value.ToUnixTimeMilliseconds()}", "system:timer"), cancellationToken);
            if (outcome.Status is TransitionStatus.Refused or TransitionStatus.NotFound)
                // The engine no longer has this wait: drop the stale index row so it is not tried forever.
                await db.Waits.Where(w => w.Id == timer.Id && w.DueAt == timer.DueAt).ExecuteDeleteAsync(cancellationToken);
            fired++;
        }
        return fired;
    }

    /// <summary>The earliest due time of an unclaimed timer at or before <paramref name="limit"/>, if any.</summary>
    public Task<DateTimeOffset?> NextDueAsync(DateTimeOffset limit, CancellationToken cancellationToken) =>
        db.Waits.AsNoTracking().Where(w => w.Kind == "Timer" && w.DueAt <= limit).OrderBy(w => w.DueAt)
            .Select(w => w.DueAt).FirstOrDefaultAsync(cancellationToken);
}
