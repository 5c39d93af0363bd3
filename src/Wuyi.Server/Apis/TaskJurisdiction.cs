using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wuyi.People.Access;
using Wuyi.Runtime.Store;

namespace Wuyi.Server.Apis;

/// <summary>
/// Who may see and act on the task of a route (<see cref="TaskRules"/>): outside the caller's groups and jurisdiction
/// the task does not exist (404); visible but not theirs to act on, 403. When an administrator acts on a task that is
/// not theirs, the history records <c>administrator:NAME</c> as the actor of the completion.
/// </summary>
internal static class TaskJurisdiction
{
    private const string AccessKey = "wuyi.task-access";
    private const string TaskKey = "wuyi.task";

    /// <summary>Guards a task route; <paramref name="act"/>: the caller must be allowed to act on it, not only to see it.</summary>
    public static RouteHandlerBuilder TaskInside(this RouteHandlerBuilder route, bool act) =>
        route.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var id = context.Arguments.OfType<TaskRef>().First().Id;
            var task = await http.RequestServices.GetRequiredService<RuntimeDbContext>().UserTasks.AsNoTracking()
                .SingleOrDefaultAsync(t => t.Id == id, http.RequestAborted);
            if (task is null)
                return await next(context);
            var caller = Jurisdiction.CallerOf(http);
            var access = AccessOf(caller, task);
            http.Items[Jurisdiction.Region] = task.RegionCode;
            http.Items[AccessKey] = access;
            http.Items[TaskKey] = task;
            if (access == TaskAccess.None)
                return caller.Sees(task.RegionCode) && !act
                    ? await next(context)
                    : caller.Sees(task.RegionCode) ? Jurisdiction.Forbidden($"task {id} is for {string.Join(", ", Split(task.CandidateGroups))}"
                        + (caller.Grants.Any(g => g.Role == Roles.Applicant && g.Covers(task.RegionCode)) ? "; an applicant never acts on a review of their own area." : "."))
                    : ApiProblems.NotFound($"There is no task {id}.");
            if (access == TaskAccess.Administrator)
                http.Items[Jurisdiction.AsAdministrator] = true;
            return await next(context);
        });

    /// <summary>How <paramref name="caller"/> may act on <paramref name="task"/>.</summary>
    public static TaskAccess AccessOf(Caller caller, UserTaskRecord task) =>
        TaskRules.AccessOf(caller, task.Assignee ?? task.ClaimedBy, Split(task.CandidateUsers), Split(task.CandidateGroups), task.RegionCode);

    /// <summary>The task row as the filter read it (null when there is none), so the handler need not read it again.</summary>
    public static UserTaskRecord? TaskOf(HttpContext http) => http.Items[TaskKey] as UserTaskRecord;

    /// <summary>Whether the request acts on a task as an administrator (not as one it is for).</summary>
    public static bool ActsAsAdministrator(HttpContext http) => http.Items[AccessKey] is TaskAccess.Administrator;

    /// <summary>The actor the history records: <c>administrator:NAME</c> for an administrator's action.</summary>
    public static string HistoryActor(HttpContext http, RequestActor actor) =>
        ActsAsAdministrator(http) ? Caller.AdministratorPrefix + actor.Name : actor.Name;

    public static string[] Split(string? list) =>
        list is null ? [] : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
