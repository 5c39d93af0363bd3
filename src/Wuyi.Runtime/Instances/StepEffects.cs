
using Microsoft.EntityFrameworkCore;
using Wuyi.Engine.Commands;
using Wuyi.Engine.Execution;
using Wuyi.Engine.State;
using Wuyi.Engine.Stimuli;
using Wuyi.Engine.Trace;
using Wuyi.Runtime.Store;

namespace Wuyi.Runtime.Instances;

/// <summary>
/// Writes what a step caused, inside the step's transaction: the waits index (projected from the new state),
/// user tasks, outbox rows, incidents and history. Nothing here commits; the caller does, once.
/// </summary>
internal static class StepEffects
{
    public static async Task<List<OutboxRecord>> WriteAsync(RuntimeDbContext db, InstanceRecord instance, InstanceState? before,
        StepResult step, Stimulus? stimulus, string actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await ProjectWaitsAsync(db, instance.Id, before, step.State, cancellationToken);
        if (stimulus is CompleteTask completed)
        {
            var outcome = JsonVariables.ToJson(completed.Variables);
            await db.UserTasks.Where(t => t.Id == completed.WaitId && t.Status == "open").ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Status, "completed").SetProperty(t => t.CompletedBy, actor)
                .SetProperty(t => t.EndedAt, now).SetProperty(t => t.Outcome, outcome), cancellationToken);
        }
        var outbox = new List<OutboxRecord>();
        foreach (var command in step.Commands)
        {
            switch (command)
            {
                case CreateUserTask task:
                    db.UserTasks.Add(NewTask(instance, task, now));
                    break;
                case CancelUserTask cancel:
                    await db.UserTasks.Where(t => t.Id == cancel.WaitId && t.Status == "open")
                        .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, "cancelled").SetProperty(t => t.EndedAt, now), cancellationToken);
                    break;
                case CancelService cancel:
                    await db.Outbox.Where(o => o.WaitId == cancel.WaitId && o.Status == "pending")
                        .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, "cancelled"), cancellationToken);
                    break;
                case RaiseIncident incident:
                    db.Incidents.Add(new IncidentRecord { InstanceId = instance.Id, ElementId = incident.ElementId, Source = "engine", Message = incident.Message, CreatedAt = now });
                    break;
                case InvokeService or StartChild or CancelChild or ReportToParent or ThrowMessage or BroadcastSignal:
                    outbox.Add(OutboxCommands.ToRecord(instance.Id, command, now));
                    break;
                // Timers and subscriptions need no row of their own: the waits projection above holds them.
            }
        }
        db.Outbox.AddRange(outbox);
        foreach (var e in step.Events)
            db.History.Add(new HistoryRecord
            {
                InstanceId = e.Instance ?? instance.Id, At = e.At, Type = e.Type, ElementId = e.Element, Actor = actor,
                Data = TraceEventJson.Serialize(e),
            });
        return outbox;
    }

    /// <summary>The waits index follows the state: removed waits go, new ones come, rescheduled timers move.</summary>
    private static async Task ProjectWaitsAsync(RuntimeDbContext db, string instanceId, InstanceState? before, InstanceState after,
        CancellationToken cancellationToken)
    {
        var old = (before?.Waits ?? []).ToDictionary(w => w.WaitId);
        var current = after.HasEnded ? [] : after.Waits.ToDictionary(w => w.WaitId);
        var removed = old.Keys.Where(k => !current.ContainsKey(k)).ToList();
        if (removed.Count > 0)
            await db.Waits.Where(w => removed.Contains(w.Id)).ExecuteDeleteAsync(cancellationToken);
        foreach (var (id, wait) in current)
        {
            if (!old.TryGetValue(id, out var previous))
                db.Waits.Add(new WaitRecord
                {
                    Id = id, InstanceId = instanceId, Kind = wait.Kind.ToString(), ElementId = wait.ElementId,
                    Name = wait.Name, CorrelationKey = wait.CorrelationKey, DueAt = wait.DueAt,
                });
            else if (previous.DueAt != wait.DueAt)
                await db.Waits.Where(w => w.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(w => w.DueAt, wait.DueAt).SetProperty(w => w.ClaimedUntil, (DateTimeOffset?)null)
                    .SetProperty(w => w.ClaimedBy, (string?)null), cancellationToken);
        }
    }

    private static UserTaskRecord NewTask(InstanceRecord instance, CreateUserTask task, DateTimeOffset now) => new()
    {
        Id = task.WaitId, InstanceId = instance.Id, ElementId = task.ElementId, Name = task.Name,
        BusinessKey = instance.BusinessKey, RegionCode = instance.RegionCode, Assignee = task.Assignee,
        CandidateUsers = Join(task.CandidateUsers), CandidateGroups = Join(task.CandidateGroups),
        DueAt = ParseInstant(task.DueDate), FollowUpAt = ParseInstant(task.FollowUpDate), Priority = task.Priority ?? 50,
        FormKey = task.FormKey, Status = "open", CreatedAt = now,
    };

    private static string? Join(System.Collections.Immutable.ImmutableArray<string> values) =>
        values.IsDefaultOrEmpty ? null : string.Join(',', values);

    private static DateTimeOffset? ParseInstant(string? value) =>
        DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var v) ? v : null;
}
