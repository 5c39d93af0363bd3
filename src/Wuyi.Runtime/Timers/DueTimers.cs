using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Wuyi.Engine.Stimuli;
using Wuyi.Engine.Timers;
using Wuyi.Runtime.Instances;
using Wuyi.Runtime.Store;
using Wuyi.Runtime.Telemetry;

namespace Wuyi.Runtime.Timers;

/// <summary>
/// Fires timers that are due: every timer is a row of the waits table with its due time, claimed in batches by one
/// node with one update (a crashed node's claim lapses after <see cref="RuntimeOptions.ClaimDuration"/>)
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

    // Claims a batch in one statement (one commit for the batch, not one per timer), marked with a token unique to
    // this claim. On PostgreSQL the rows are picked FOR UPDATE SKIP LOCKED, so nodes claiming at the same moment
    // take different timers instead of queueing on each other's locks; SQLite has one writer at a time anyway.
    private async Task<List<StimulusRequest>> ClaimAsync(DateTimeOffset now, int count, CancellationToken cancellationToken)
    {
        var token = $"{node.Id}/{Guid.NewGuid():N}";
        var until = now + options.Value.ClaimDuration;
        var won = db.Database.IsNpgsql()
            ? await ClaimSkippingLockedAsync(now, count, token, until, cancellationToken)
            : await ClaimConditionallyAsync(now, count, token, until, cancellationToken);
        won.ForEach(w => RuntimeMetrics.TimerLag.Record((now - w.DueAt).TotalSeconds));
        return [.. won.OrderBy(w => w.DueAt).ThenBy(w => w.Id, StringComparer.Ordinal).Select(w => new StimulusRequest(w.InstanceId,
            new TimerFired(w.Id), $"timer:{w.Id}:{w.DueAt.ToUnixTimeMilliseconds()}", "system:timer"))];
    }

    private sealed record Claimed(string Id, string InstanceId, DateTimeOffset DueAt);

    private async Task<List<Claimed>> ClaimSkippingLockedAsync(DateTimeOffset now, int count, string token, DateTimeOffset until,
        CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand("""
                UPDATE waits SET claimed_by = @token, claimed_until = @until
                WHERE id IN (SELECT id FROM waits
                             WHERE kind = 'Timer' AND due_at <= @now AND (claimed_until IS NULL OR claimed_until < @now)
                             ORDER BY due_at, id LIMIT @count FOR UPDATE SKIP LOCKED)
                RETURNING id, instance_id, due_at
                """, (NpgsqlConnection)db.Database.GetDbConnection());
            command.Parameters.AddWithValue("token", token);
            command.Parameters.AddWithValue("until", until.ToUniversalTime());
            command.Parameters.AddWithValue("now", now.ToUniversalTime());
            command.Parameters.AddWithValue("count", count);
            var claimed = new List<Claimed>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                claimed.Add(new Claimed(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2)));
            return claimed;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<List<Claimed>> ClaimConditionallyAsync(DateTimeOffset now, int count, string token, DateTimeOffset until,
        CancellationToken cancellationToken)
    {
        var candidates = await db.Waits.AsNoTracking()
            .Where(w => w.Kind == "Timer" && w.DueAt <= now && (w.ClaimedUntil == null || w.ClaimedUntil < now))
            .OrderBy(w => w.DueAt).ThenBy(w => w.Id).Take(count).Select(w => w.Id).ToListAsync(cancellationToken);
        if (candidates.Count == 0)
            return [];
        await db.Waits.Where(w => candidates.Contains(w.Id) && w.DueAt <= now && (w.ClaimedUntil == null || w.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.ClaimedBy, token).SetProperty(w => w.ClaimedUntil, until), cancellationToken);
        return await db.Waits.AsNoTracking().Where(w => candidates.Contains(w.Id) && w.ClaimedBy == token)
            .Select(w => new Claimed(w.Id, w.InstanceId, w.DueAt!.Value)).ToListAsync(cancellationToken);
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
            var instanceId = DerivedIds.Of("t", $"{start.Id}@{start.DueAt.ToUnixTimeMilliseconds()}", start.ProcessKey);
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
