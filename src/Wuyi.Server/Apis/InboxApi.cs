using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Wuyi.People.Access;
using Wuyi.People.Users;
using Wuyi.Runtime.Store;
using Wuyi.Runtime.Tasks;
using Wuyi.Server.Apis.Contracts;

namespace Wuyi.Server.Apis;

/// <summary>The personal inbox: my tasks with the console's badges, delegating a task and returning it to the pool.</summary>
public static class InboxApi
{
    /// <summary>Maps <c>/api/tasks/mine</c>, <c>/api/tasks/{id}/delegate</c> and <c>/api/tasks/{id}/return</c>.</summary>
    public static IEndpointRouteBuilder MapInboxApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/tasks").WithTags("Tasks");
        api.MapGet("/mine", MineAsync).WithSummary("Open tasks assigned to me or claimable by me, by due date, with counts for the badges");
        foreach (var id in (string[])["{instanceId}/{wait}", "{id}"])
        {
            var escaped = id == "{id}";
            Hide(api.MapPost($"/{id}/delegate", DelegateAsync).TaskInside(act: true)
                .WithSummary("Delegate a task to a colleague who holds a matching candidate group (recorded)"), escaped);
            Hide(api.MapPost($"/{id}/return", ReturnAsync).TaskInside(act: true).WithSummary("Return a task to the pool of its groups"), escaped);
        }
        return app;
    }

    private static void Hide(RouteHandlerBuilder route, bool escaped)
    {
        if (escaped)
            route.ExcludeFromDescription();
    }

    // The open tasks inside the caller's regions are read and matched against their groups here, not in SQL: a group
    // match is a prefix test per (role, region) pair. A county's open tasks number in the hundreds, so this stays cheap.
    internal static async Task<Results<Ok<MyTasksView>, ProblemHttpResult>> MineAsync([AsParameters] MyTasksQuery query,
        [AsParameters] InboxServices services)
    {
        var (page, size, problem) = Paging.Check(query.Page, query.PageSize);
        if (problem is not null)
            return problem;
        var caller = services.Actor.Caller!;
        var me = caller.UserName;
        var open = await services.Db.UserTasks.AsNoTracking().Where(t => t.Status == "open").Inside(caller, t => t.RegionCode)
            .ToListAsync(services.CancellationToken);
        var seen = open.Select(t => t.Id).ToHashSet();
        open.AddRange((await services.Db.UserTasks.AsNoTracking().Where(t => t.Status == "open")
            .Where(t => t.Assignee == me || t.ClaimedBy == me || (t.CandidateUsers != null && t.CandidateUsers.Contains(me)))
            .ToListAsync(services.CancellationToken)).Where(t => !seen.Contains(t.Id)));
        var mine = open.Where(t => t.Assignee == me || t.ClaimedBy == me
            || (t.ClaimedBy == null && TaskJurisdiction.AccessOf(caller, t) == TaskAccess.Member)).ToList();
        var now = services.Clock.GetUtcNow();
        var counts = new InboxCounts(mine.Count, mine.Count(t => t.Assignee == me || t.ClaimedBy == me), mine.Count(t => t.ClaimedBy == null && t.Assignee == null),
            mine.Count(t => t.DueAt < now), mine.Count(t => t.DueAt >= now && t.DueAt < now.AddDays(1)));
        IEnumerable<UserTaskRecord> rows = mine;
        if (query.Role is { } role)
            rows = rows.Where(t => TaskJurisdiction.Split(t.CandidateGroups).Any(g => g.Split(':')[0] == role && TaskRules.IsMember(caller, g, t.RegionCode)));
        if (query.Region is { } region)
            rows = rows.Where(t => t.RegionCode?.StartsWith(region, StringComparison.Ordinal) == true);
        if (query.Form is { } form)
            rows = rows.Where(t => t.FormKey == form);
        if (query.DueBefore is { } before)
            rows = rows.Where(t => t.DueAt < before);
        if (query.Overdue == true)
            rows = rows.Where(t => t.DueAt < now);
        if (query.Process is { } process)
        {
            var ids = rows.Select(t => t.InstanceId).Distinct().ToList();
            var of = (await services.Db.Instances.AsNoTracking().Where(i => ids.Contains(i.Id) && i.ProcessKey == process).Select(i => i.Id)
                .ToListAsync(services.CancellationToken)).ToHashSet();
            rows = rows.Where(t => of.Contains(t.InstanceId));
        }
        var filtered = rows.OrderBy(t => t.DueAt is null).ThenBy(t => t.DueAt).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id).ToList();
        return TypedResults.Ok(new MyTasksView([.. filtered.Skip((page - 1) * size).Take(size).Select(TaskView.Of)], filtered.Count, counts));
    }

    internal static async Task<Results<Ok<TaskView>, ProblemHttpResult>> DelegateAsync(TaskRef task, DelegateTaskBody? body,
        [AsParameters] InboxServices services)
    {
        if (string.IsNullOrWhiteSpace(body?.UserName))
            return ApiProblems.BadRequest("userName is required: the colleague to delegate the task to.");
        var record = (await services.Db.UserTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == task.Id, services.CancellationToken))!;
        var colleague = await services.Users.CallerAsync(body.UserName, services.CancellationToken);
        if (colleague is null)
            return ApiProblems.BadRequest($"userName '{body.UserName}' is not a user.");
        var groups = TaskJurisdiction.Split(record.CandidateGroups);
        if (!groups.Any(g => TaskRules.IsMember(colleague, g, record.RegionCode)) || TaskJurisdiction.AccessOf(colleague, record) != TaskAccess.Member)
            return ApiProblems.BadRequest($"userName '{body.UserName}' holds none of the task's groups ({string.Join(", ", groups)}) for {record.RegionCode}.");
        var result = await services.Handover.DelegateAsync(task.Id, services.Actor.Name, colleague.UserName,
            TaskJurisdiction.HistoryActor(services.Http, services.Actor), TaskJurisdiction.ActsAsAdministrator(services.Http), services.CancellationToken);
        services.Http.Items["wuyi.audit-detail"] = $"delegated to {colleague.UserName}";
        return Answer(task, result, "delegate");
    }

    internal static async Task<Results<Ok<TaskView>, ProblemHttpResult>> ReturnAsync(TaskRef task, [AsParameters] InboxServices services)
    {
        var result = await services.Handover.ReturnAsync(task.Id, services.Actor.Name, TaskJurisdiction.HistoryActor(services.Http, services.Actor),
            TaskJurisdiction.ActsAsAdministrator(services.Http), services.CancellationToken);
        return Answer(task, result, "return");
    }

    private static Results<Ok<TaskView>, ProblemHttpResult> Answer(TaskRef task, TaskActionResult result, string verb) => result.Status switch
    {
        TaskActionStatus.Done => TypedResults.Ok(TaskView.Of(result.Task!)),
        TaskActionStatus.NotFound => ApiProblems.NotFound($"There is no task {task.Id}."),
        _ => TasksApi.Conflict(task, result, verb),
    };
}

/// <summary>What the inbox endpoints need.</summary>
/// <param name="Db">The runtime's tables.</param>
/// <param name="Handover">Delegates and returns tasks.</param>
/// <param name="Users">Finds the colleague a task is delegated to.</param>
/// <param name="Clock">Business time (what is overdue).</param>
/// <param name="Actor">The caller.</param>
/// <param name="Http">The request.</param>
/// <param name="CancellationToken">The request's cancellation.</param>
internal sealed record InboxServices(RuntimeDbContext Db, TaskHandover Handover, UserDirectory Users, TimeProvider Clock, RequestActor Actor,
    HttpContext Http, CancellationToken CancellationToken);
