using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Wuyi.Engine.Stimuli;
using Wuyi.Runtime.Store;

namespace Wuyi.Runtime.Instances;

/// <summary>
/// An administrator's operations on one instance: suspend (stimuli are held, not lost), resume (the held
/// ones are applied in arrival order), cancel (cascading to children), retry an incident. Each is in the
/// history with its actor.
/// </summary>
public sealed class InstanceOperations(RuntimeDbContext db, InstanceTransitions transitions, TimeProvider clock)
{
    /// <summary>Suspends a running instance; false when there is no such live instance.</summary>
    public Task<bool> SuspendAsync(string instanceId, string actor, CancellationToken cancellationToken) =>
        SetSuspendedAsync(instanceId, true, actor, cancellationToken);

    /// <summary>Resumes a suspended instance and applies what it held; false when there is no such suspended instance.</summary>
    public async Task<bool> ResumeAsync(string instanceId, string actor, CancellationToken cancellationToken)
    {
        if (!await SetSuspendedAsync(instanceId, false, actor, cancellationToken))
            return false;
        var held = await db.HeldStimuli.AsNoTracking().Where(h => h.InstanceId == instanceId).OrderBy(h => h.Id).ToListAsync(cancellationToken);
        foreach (var h in held)
        {
            var id = h.Id;
            var outcome = await transitions.ApplyAsync(new StimulusRequest(instanceId, StimulusJson.Deserialize(h.Stimulus), h.Key, h.Actor),
                (ctx, _, ct) => ctx.HeldStimuli.Where(x => x.Id == id).ExecuteDeleteAsync(ct), cancellationToken);
            if (outcome.Status != TransitionStatus.Applied)
                await db.HeldStimuli.Where(x => x.Id == id).ExecuteDeleteAsync(cancellationToken);
        }
        return true;
    }

    /// <summary>Cancels an instance and, through the engine's commands, its children.</summary>
    public async Task<TransitionOutcome> CancelAsync(string instanceId, string actor, string? reason, CancellationToken cancellationToken)
    {
        var outcome = await transitions.ApplyAsync(new StimulusRequest(instanceId, new Cancel(reason ?? $"cancelled by {actor}"), $"cancel:{instanceId}", actor), cancellationToken);
        return outcome;
    }

    /// <summary>Retries an open incident: an engine incident re-runs the stopped paths; a dead outbox row is tried again.</summary>
    public async Task<IncidentRecord?> RetryIncidentAsync(long incidentId, string actor, CancellationToken cancellationToken)
    {
        var incident = await db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == incidentId, cancellationToken);
        if (incident is null || incident.ResolvedAt is not null)
            return incident;
        var now = clock.GetUtcNow();
        if (incident.OutboxId is { } outboxId)
        {
            await db.Outbox.Where(o => o.Id == outboxId && o.Status == "dead").ExecuteUpdateAsync(s => s
                .SetProperty(o => o.Status, "pending").SetProperty(o => o.Attempts, 0).SetProperty(o => o.NextAttemptAt, now), cancellationToken);
            await db.Incidents.Where(i => i.Id == incidentId).ExecuteUpdateAsync(s => s.SetProperty(i => i.ResolvedAt, now).SetProperty(i => i.ResolvedBy, actor), cancellationToken);
            await transitions.CarryOutAsync(incident.InstanceId, outboxId, cancellationToken);
        }
        else
        {
            var outcome = await transitions.ApplyAsync(new StimulusRequest(incident.InstanceId, new RetryIncident(), $"retry:{incidentId}", actor),
                (ctx, at, ct) => ctx.Incidents.Where(i => i.InstanceId == incident.InstanceId && i.Source == "engine" && i.ResolvedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.ResolvedAt, at).SetProperty(i => i.ResolvedBy, actor), ct),
                cancellationToken);
        }
        return await db.Incidents.AsNoTracking().SingleAsync(i => i.Id == incidentId, cancellationToken);
    }

    private async Task<bool> SetSuspendedAsync(string instanceId, bool suspended, string actor, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var changed = await db.Instances.Where(i => i.Id == instanceId && i.Suspended != suspended && i.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Suspended, suspended).SetProperty(i => i.Revision, i => i.Revision + 1)
                .SetProperty(i => i.UpdatedAt, now), cancellationToken);
        if (changed == 0)
            return false;
        var type = suspended ? "instance-suspended" : "instance-resumed";
        db.History.Add(new HistoryRecord
        {
            InstanceId = instanceId, At = now, Type = type, Actor = actor,
            Data = new JsonObject { ["at"] = Wuyi.Expressions.IsoDate.ToText(now), ["type"] = type, ["instance"] = instanceId }.ToJsonString(),
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return true;
    }
}
