using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Wuyi.Runtime.Store;

namespace Wuyi.Runtime.Tasks;

/// <summary>
/// Passing an open task from one person to another — delegating it to a colleague, returning it to the pool — and
/// noting claims in the instance's history. Who may do it is decided by the caller of this class; here the change
/// and its history row are written in one transaction, guarded against a concurrent claim or completion.
/// </summary>
public sealed class TaskHandover(RuntimeDbContext db, TimeProvider clock)
{
    /// <summary>Gives the task to <paramref name="to"/>. Refused when someone else than <paramref name="from"/> holds it,
    /// unless <paramref name="anyHolder"/> (an administrator).</summary>
    public Task<TaskActionResult> DelegateAsync(string taskId, string from, string to, string actor, bool anyHolder,
        CancellationToken cancellationToken) =>
        ChangeAsync(taskId, from, anyHolder, to, "task-delegated", actor, new JsonObject { ["from"] = from, ["to"] = to }, cancellationToken);

    /// <summary>Returns the task to the pool of its candidate groups.</summary>
    public Task<TaskActionResult> ReturnAsync(string taskId, string from, string actor, bool anyHolder, CancellationToken cancellationToken) =>
        ChangeAsync(taskId, from, anyHolder, null, "task-returned", actor, new JsonObject { ["from"] = from }, cancellationToken);

    /// <summary>Writes a history row for a claim or unclaim that already happened.</summary>
    public async Task NoteAsync(UserTaskRecord task, string type, string actor, CancellationToken cancellationToken)
    {
        db.History.Add(Row(task, type, actor, clock.GetUtcNow(), []));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private async Task<TaskActionResult> ChangeAsync(string taskId, string from, bool anyHolder, string? to, string type, string actor,
        JsonObject data, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var changed = await db.UserTasks
            .Where(t => t.Id == taskId && t.Status == "open" && (anyHolder || t.ClaimedBy == null || t.ClaimedBy == from))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ClaimedBy, to).SetProperty(t => t.ClaimedAt, to == null ? null : now)
                .SetProperty(t => t.Assignee, to), cancellationToken);
        var task = await db.UserTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null)
            return new TaskActionResult(TaskActionStatus.NotFound, null);
        if (changed == 0)
            return new TaskActionResult(TaskActionStatus.Conflict, task, task.Status != "open"
                ? $"the task is {task.Status}" + (task.CompletedBy is { } by ? $", by {by} at {task.EndedAt:O}" : "")
                : $"claimed by {task.ClaimedBy} at {task.ClaimedAt:O}");
        db.History.Add(Row(task, type, actor, now, data));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new TaskActionResult(TaskActionStatus.Done, task);
    }

    private static HistoryRecord Row(UserTaskRecord task, string type, string actor, DateTimeOffset at, JsonObject data)
    {
        data["at"] = Wuyi.Expressions.IsoDate.ToText(at);
        data["type"] = type;
        data["element"] = task.ElementId;
        data["task"] = task.Id;
        return new HistoryRecord { InstanceId = task.InstanceId, At = at, Type = type, ElementId = task.ElementId, Actor = actor, Data = data.ToJsonString() };
    }
}
