using Microsoft.EntityFrameworkCore;
using Wuyi.Engine.Stimuli;
using Wuyi.Runtime.Forms;
using Wuyi.Runtime.Instances;
using Wuyi.Runtime.Store;

namespace Wuyi.Runtime.Tasks;

/// <summary>
/// Claiming and completing user tasks. Every action applies over the task row's revision it read, so a claim and a
/// completion at the same moment are ordered and exactly one wins. Completion is the stimulus <c>task:{id}</c>: a
/// repeat by the same person with the same values returns the first outcome, with other values it is a conflict
/// saying so; anyone else who loses the race is told who completed it and when.
/// </summary>
public sealed class TaskInbox(RuntimeDbContext db, InstanceTransitions transitions, TaskForms forms, TimeProvider clock)
{
    /// <summary>Claims an open task for <paramref name="user"/> (claiming it again is fine).</summary>
    public async Task<TaskActionResult> ClaimAsync(string taskId, string user, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var claimed = await db.UserTasks.Where(t => t.Id == taskId && t.Status == "open" && (t.ClaimedBy == null || t.ClaimedBy == user))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ClaimedBy, user).SetProperty(t => t.ClaimedAt, now).SetProperty(t => t.Assignee, user)
                .SetProperty(t => t.Revision, t => t.Revision + 1), cancellationToken);
        return await ResultAsync(taskId, claimed > 0, user, cancellationToken);
    }

    /// <summary>Gives a claimed task back (only its claimant can).</summary>
    public async Task<TaskActionResult> UnclaimAsync(string taskId, string user, CancellationToken cancellationToken)
    {
        var released = await db.UserTasks.Where(t => t.Id == taskId && t.Status == "open" && (t.ClaimedBy == user || t.ClaimedBy == null))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ClaimedBy, (string?)null).SetProperty(t => t.ClaimedAt, (DateTimeOffset?)null)
                .SetProperty(t => t.Assignee, (string?)null).SetProperty(t => t.Revision, t => t.Revision + 1), cancellationToken);
        return await ResultAsync(taskId, released > 0, user, cancellationToken);
    }

    /// <summary>Completes a task with <paramref name="variables"/> (the form's values).</summary>
    public async Task<TaskActionResult> CompleteAsync(string taskId, IReadOnlyDictionary<string, object?> variables, string user,
        CancellationToken cancellationToken)
    {
        var task = await db.UserTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null)
            return new TaskActionResult(TaskActionStatus.NotFound, null);
        if (task.Status == "open" && task.ClaimedBy is { } claimant && claimant != user)
            return Claimed(task);
        // Checked against the task's form before anything is written; a completed task's repeat is not re-checked.
        if (task.Status == "open" && await forms.ValidateAsync(task, variables, cancellationToken) is { Count: > 0 } errors)
            return new TaskActionResult(TaskActionStatus.Invalid, task) { Errors = errors };
        // The task row is closed by the transition itself (StepEffects), in its transaction — also when a
        // completion held during a suspension is applied on resume. It applies only while the row is still at the
        // revision read here: a claim by someone else that committed in between rolls the step back.
        var (outcome, current) = await CompleteOverRevisionAsync(task, variables, user, cancellationToken);
        return outcome.Status switch
        {
            TransitionStatus.Applied => new TaskActionResult(TaskActionStatus.Done, current),
            TransitionStatus.Held => new TaskActionResult(TaskActionStatus.Held, current),
            TransitionStatus.KeyReused when current.CompletedBy == user => new TaskActionResult(TaskActionStatus.Conflict, current,
                $"completed by {user} at {current.EndedAt:O} with other values than these", user, current.EndedAt),
            _ when current.Status == "completed" && current.CompletedBy == user => new TaskActionResult(TaskActionStatus.Done, current),
            _ when current.Status == "completed" => new TaskActionResult(TaskActionStatus.Conflict, current,
                $"completed by {current.CompletedBy} at {current.EndedAt:O}", current.CompletedBy, current.EndedAt),
            _ when current.Status == "open" && current.ClaimedBy is { } other && other != user => Claimed(current),
            _ => new TaskActionResult(TaskActionStatus.Conflict, current, $"the task is {current.Status}" + (current.EndedAt is { } at ? $" since {at:O}" : ""),
                null, current.EndedAt),
        };
    }

    // The completion applies only over the revision read; when the row moved meanwhile but the user may still complete
    // it (their own claim came in between), it is tried again over the new revision.
    private async Task<(TransitionOutcome Outcome, UserTaskRecord Current)> CompleteOverRevisionAsync(UserTaskRecord task,
        IReadOnlyDictionary<string, object?> variables, string user, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var revision = task.Revision;
            TransitionOutcome outcome;
            try
            {
                outcome = await transitions.ApplyAsync(new StimulusRequest(task.InstanceId, new CompleteTask(task.Id, variables), $"task:{task.Id}", user,
                    revision), cancellationToken);
            }
            catch (TaskChangedException)
            {
                outcome = new TransitionOutcome(TransitionStatus.Refused, task.InstanceId);
            }
            // Applied, the row is what the step's guarded update made of the row read (it matched that revision):
            // no need to read it back.
            var current = outcome is { Status: TransitionStatus.Applied, At: { } at }
                ? Completed(task, variables, user, db.AsStored(at))
                : await db.UserTasks.AsNoTracking().SingleAsync(t => t.Id == task.Id, cancellationToken);
            if (outcome.Status != TransitionStatus.Refused || current.Status != "open" || current.ClaimedBy is { } other && other != user
                || current.Revision == revision || attempt == 3)
                return (outcome, current);
            task = current;
        }
    }

    // The row as StepEffects' guarded update leaves it: closed by the user with the form's values, one revision on.
    private static UserTaskRecord Completed(UserTaskRecord task, IReadOnlyDictionary<string, object?> variables, string user, DateTimeOffset at) =>
        new()
        {
            Id = task.Id, InstanceId = task.InstanceId, ElementId = task.ElementId, Name = task.Name, BusinessKey = task.BusinessKey,
            RegionCode = task.RegionCode, Assignee = task.Assignee, CandidateUsers = task.CandidateUsers, CandidateGroups = task.CandidateGroups,
            DueAt = task.DueAt, FollowUpAt = task.FollowUpAt, Priority = task.Priority, FormKey = task.FormKey, ClaimedBy = task.ClaimedBy,
            ClaimedAt = task.ClaimedAt, CreatedAt = task.CreatedAt,
            Status = "completed", CompletedBy = user, EndedAt = at, Outcome = JsonVariables.ToJson(variables), Revision = task.Revision + 1,
        };

    private static TaskActionResult Claimed(UserTaskRecord task) =>
        new(TaskActionStatus.Conflict, task, $"claimed by {task.ClaimedBy} at {task.ClaimedAt:O}", task.ClaimedBy, task.ClaimedAt);

    private async Task<TaskActionResult> ResultAsync(string taskId, bool changed, string user, CancellationToken cancellationToken)
    {
        var task = await db.UserTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null)
            return new TaskActionResult(TaskActionStatus.NotFound, null);
        if (changed)
            return new TaskActionResult(TaskActionStatus.Done, task);
        if (task.Status == "open")
            return Claimed(task);
        var why = $"the task is {task.Status}" + (task.CompletedBy is { } by ? $", by {by} at {task.EndedAt:O}" : "");
        return new TaskActionResult(TaskActionStatus.Conflict, task, why, task.CompletedBy, task.EndedAt);
    }
}
