using System.Collections.Immutable;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Wuyi.Engine.Commands;
using Wuyi.Engine.Execution;
using Wuyi.Engine.State;
using Wuyi.Engine.Stimuli;
using Wuyi.Engine.Trace;
using Wuyi.Runtime.Store;
using Wuyi.Runtime.Telemetry;

namespace Wuyi.Runtime.Instances;

/// <summary>
/// The rows a step causes besides the instance row, computed without touching the database: the waits index
/// (projected from the new state), user tasks, outbox rows, incidents, history and the idempotency key. The
/// <em>steady</em> rows come with nearly every transition (waits, history, the key) and may be written in bulk;
/// the rest are occasional and always go through EF Core. Nothing here commits; the caller does, once.
/// </summary>
internal sealed class StepEffects
{
    public List<string> RemovedWaits { get; } = [];
    public List<WaitRecord> NewWaits { get; } = [];
    public List<HistoryRecord> History { get; } = [];
    public AppliedStimulusRecord? Applied { get; init; }

    private readonly List<(string WaitId, DateTimeOffset? DueAt)> movedTimers = [];
    private readonly List<UserTaskRecord> newTasks = [];
    private readonly List<string> cancelledTasks = [];
    private readonly List<string> cancelledServices = [];
    private readonly List<IncidentRecord> incidents = [];
    /// <summary>The task the step completes, with its outcome and the row revision it must still be at (when given).</summary>
    public (string TaskId, string? Outcome, int? Revision)? CompletedTask { get; private set; }

    /// <summary>Who made the step.</summary>
    public string Actor => actor;

    /// <summary>When.</summary>
    public DateTimeOffset Now => now;
    private readonly string actor;
    private readonly DateTimeOffset now;

    /// <summary>The outbox rows the step wrote (their ids exist once saved).</summary>
    public List<OutboxRecord> Outbox { get; } = [];

    private StepEffects(string actor, DateTimeOffset now)
    {
        this.actor = actor;
        this.now = now;
    }

    /// <summary>What <paramref name="step"/> of <paramref name="instance"/> causes; <paramref name="idempotencyKey"/> is null for a start.</summary>
    public static StepEffects Of(InstanceRecord instance, InstanceState? before, StepResult step, Stimulus? stimulus,
        string? idempotencyKey, string? fingerprint, int revision, string actor, DateTimeOffset now, int? taskRevision = null)
    {
        var effects = new StepEffects(actor, now)
        {
            Applied = idempotencyKey is null ? null
                : new AppliedStimulusRecord { Key = idempotencyKey, InstanceId = instance.Id, Actor = actor, AppliedAt = now, Revision = revision,
                    Fingerprint = fingerprint },
        };
        effects.ProjectWaits(instance.Id, before, step.State);
        if (stimulus is CompleteTask completed)
            effects.CompletedTask = (completed.WaitId, JsonVariables.ToJson(completed.Variables), taskRevision);
        foreach (var command in step.Commands)
        {
            switch (command)
            {
                case CreateUserTask task:
                    effects.newTasks.Add(NewTask(instance, task, now));
                    break;
                case CancelUserTask cancel:
                    effects.cancelledTasks.Add(cancel.WaitId);
                    break;
                case CancelService cancel:
                    effects.cancelledServices.Add(cancel.WaitId);
                    break;
                case RaiseIncident incident:
                    effects.incidents.Add(new IncidentRecord { InstanceId = instance.Id, ElementId = incident.ElementId, Source = "engine", Message = incident.Message, CreatedAt = now });
                    break;
                case InvokeService or StartChild or CancelChild or ReportToParent or ThrowMessage or BroadcastSignal:
                    effects.Outbox.Add(OutboxCommands.ToRecord(instance.Id, command, now));
                    break;
                // Timers and subscriptions need no row of their own: the waits projection holds them.
            }
        }
        foreach (var e in step.Events)
            effects.History.Add(new HistoryRecord
            {
                InstanceId = e.Instance ?? instance.Id, At = e.At, Type = e.Type, ElementId = e.Element, Actor = actor,
                Data = TraceEventJson.Serialize(e),
            });
        return effects;
    }

    /// <summary>Writes the steady rows through EF Core (one statement for the removed waits, the rest tracked).</summary>
    public async Task WriteSteadyAsync(RuntimeDbContext db, CancellationToken cancellationToken)
    {
        if (RemovedWaits.Count > 0)
            await db.Waits.Where(w => RemovedWaits.Contains(w.Id)).ExecuteDeleteAsync(cancellationToken);
        db.Waits.AddRange(NewWaits);
        db.History.AddRange(History);
        if (Applied is not null)
            db.AppliedStimuli.Add(Applied);
    }

    /// <summary>Writes the occasional rows: moved timers, task changes, outbox rows, incidents (the completed task unless
    /// <paramref name="completedTaskWritten"/>: the bulk writer wrote it).</summary>
    /// <exception cref="TaskChangedException">The completed task's row moved past the revision the completion was decided on.</exception>
    public async Task WriteOccasionalAsync(RuntimeDbContext db, bool completedTaskWritten, CancellationToken cancellationToken)
    {
        foreach (var (id, dueAt) in movedTimers)
            await db.Waits.Where(w => w.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(w => w.DueAt, dueAt).SetProperty(w => w.ClaimedUntil, (DateTimeOffset?)null)
                .SetProperty(w => w.ClaimedBy, (string?)null), cancellationToken);
        if (CompletedTask is var (taskId, outcome, expected) && !completedTaskWritten)
        {
            var row = db.UserTasks.Where(t => t.Id == taskId && t.Status == "open");
            if (expected is { } revision)
                row = row.Where(t => t.Revision == revision && (t.ClaimedBy == null || t.ClaimedBy == actor));
            var closed = await row.ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Status, "completed").SetProperty(t => t.CompletedBy, actor).SetProperty(t => t.Revision, t => t.Revision + 1)
                .SetProperty(t => t.EndedAt, now).SetProperty(t => t.Outcome, outcome), cancellationToken);
            if (closed == 0 && expected is not null)
                throw new TaskChangedException(taskId);
        }
        if (cancelledTasks.Count > 0)
            await db.UserTasks.Where(t => cancelledTasks.Contains(t.Id) && t.Status == "open")
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, "cancelled").SetProperty(t => t.EndedAt, now), cancellationToken);
        if (cancelledServices.Count > 0)
            await db.Outbox.Where(o => o.WaitId != null && cancelledServices.Contains(o.WaitId) && o.Status == "pending")
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, "cancelled"), cancellationToken);
        db.UserTasks.AddRange(newTasks);
        db.Incidents.AddRange(incidents);
        RuntimeMetrics.Incidents.Add(incidents.Count);
        db.Outbox.AddRange(Outbox);
    }

    /// <summary>The waits index follows the state: removed waits go, new ones come, rescheduled timers move.</summary>
    private void ProjectWaits(string instanceId, InstanceState? before, InstanceState after)
    {
        var old = (before?.Waits ?? []).ToDictionary(w => w.WaitId);
        var current = after.HasEnded ? [] : after.Waits.ToDictionary(w => w.WaitId);
        RemovedWaits.AddRange(old.Keys.Where(k => !current.ContainsKey(k)));
        foreach (var (id, wait) in current)
        {
            if (!old.TryGetValue(id, out var previous))
                NewWaits.Add(new WaitRecord
                {
                    Id = id, InstanceId = instanceId, Kind = wait.Kind.ToString(), ElementId = wait.ElementId,
                    Name = wait.Name, CorrelationKey = wait.CorrelationKey, DueAt = wait.DueAt,
                });
            else if (previous.DueAt != wait.DueAt)
                movedTimers.Add((id, wait.DueAt));
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

    private static string? Join(ImmutableArray<string> values) =>
        values.IsDefaultOrEmpty ? null : string.Join(',', values);

    private static DateTimeOffset? ParseInstant(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var v) ? v : null;
}
