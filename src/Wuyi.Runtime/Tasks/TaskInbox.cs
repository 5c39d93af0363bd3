using Microsoft.EntityFrameworkCore;
using Wuyi.Engine.Stimuli;
using Wuyi.Runtime.Forms;
using Wuyi.Runtime.Instances;
using Wuyi.Runtime.Messages;
using Wuyi.Runtime.Store;

namespace Wuyi.Runtime.Tasks;

/// <summary>
/// Claiming and completing user tasks. Completion is the stimulus <c>task:{id}</c>: a repeat by the same
/// person returns the first outcome; anyone else who loses the race is told who completed it and when.
/// </summary>
public sealed class TaskInbox(RuntimeDbContext db, InstanceTransitions transitions, TaskForms forms, TimeProvider clock)
{
    /// <summary>Claims an open task for <paramref name="user"/> (claiming it again is fine).</summary>
    public async Task<TaskActionResult> ClaimAsync(string taskId, string user, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var claimed = await db.UserTasks.Where(t => t.Id == taskId && t.Status == "open" && (t.ClaimedBy == null || t.ClaimedBy == user))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ClaimedBy, user).SetProperty(t => t.ClaimedAt, now).SetProperty(t => t.Assignee, user), cancellationToken);
        return await ResultAsync(taskId, claimed > 0, user, cancellationToken);
    }

    /// <summary>Gives a claimed task back (only its claimant can).</summary>
    public async Task<TaskActionResult> UnclaimAsync(string taskId, string user, CancellationToken cancellationToken)
    {
        var released = await db.UserTasks.Where(t => t.Id == taskId && t.Status == "open" && (t.ClaimedBy == user || t.ClaimedBy == null))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ClaimedBy, (string?)null).SetProperty(t => t.ClaimedAt, (DateTimeOffset?)null)
                .SetProperty(t => t.Assignee, (string?)null), cancellationToken);
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
            return new TaskActionResult(TaskActionStatus.Conflict, task, $"claimed by {claimant} at {task.ClaimedAt:O}");
        // Checked against the task's form before anything is written; a completed task's repeat is not re-checked.
        if (task.Status == "open" && await forms.ValidateAsync(task, variables, cancellationToken) is { Count: > 0 } errors)
            return new TaskActionResult(TaskActionStatus.Invalid, task) { Errors = errors };
        // The task row is closed by the transition itself (StepEffects), in its transaction — also when a
        // completion held during a suspension is applied on resume.
        var outcome = await transitions.ApplyAsync(new StimulusRequest(task.InstanceId, new CompleteTask(taskId, variables), $"task:{taskId}", user),
            cancellationToken);
        var current = await db.UserTasks.AsNoTracking().SingleAsync(t => t.Id == taskId, cancellationToken);
        return outcome.Status switch
        {
            TransitionStatus.Applied => new TaskActionResult(TaskActionStatus.Done, current),
            TransitionStatus.Held => new TaskActionResult(TaskActionStatus.Held, current),
            _ when current.Status == "completed" && current.CompletedBy == user => new TaskActionResult(TaskActionStatus.Done, current),
            _ when current.Status == "completed" => new TaskActionResult(TaskActionStatus.Conflict, current, $"completed by {current.CompletedBy} at {current.EndedAt:O}"),
            _ => new TaskActionResult(TaskActionStatus.Conflict, current, $"the task is {current.Status}" + (current.EndedAt is { } at ? $" since {at:O}" : "")),
        };
    }

    private async Task<TaskActionResult> ResultAsync(string taskId, bool changed, string user, CancellationToken cancellationToken)
    {
        var task = await db.UserTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null)
            return new TaskActionResult(TaskActionStatus.NotFound, null);
        if (changed)
            return new TaskActionResult(TaskActionStatus.Done, task);
        var why = task.Status != "open"
            ? $"the task is {task.Status}" + (task.CompletedBy is { } by ? $", by {by} at {task.EndedAt:O}" : "")
            : $"claimed by {task.ClaimedBy} at {task.ClaimedAt:O}";
        return new TaskActionResult(TaskActionStatus.Conflict, task, why);
    }
}
