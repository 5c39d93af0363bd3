using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Wuyi.People.Access;
using Wuyi.Runtime.Forms;
using Wuyi.Runtime.Store;
using Wuyi.Runtime.Tasks;
using Wuyi.Server.Apis.Contracts;

namespace Wuyi.Server.Apis;

/// <summary>The task inbox: finding, claiming and completing user tasks.</summary>
public static class TasksApi
{
    private static readonly string[] States = ["open", "completed", "cancelled"];

    /// <summary>Maps <c>/api/tasks</c>. A task id holds one slash (<c>{instanceId}/w{n}</c>): each route exists as
    /// <c>{instanceId}/{wait}</c> (the id as is) and as <c>{id}</c> (the slash escaped).</summary>
    public static IEndpointRouteBuilder MapTasksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/tasks").WithTags("Tasks");
        api.MapGet("/", ListAsync).WithSummary("Tasks, filtered and paged, oldest first");
        foreach (var id in (string[])["{instanceId}/{wait}", "{id}"])
        {
            var escaped = id == "{id}";
            Document(api.MapGet($"/{id}", GetAsync).TaskInside(act: false).WithSummary("One task"), escaped);
            Document(api.MapGet($"/{id}/form", FormAsync).TaskInside(act: false)
                .WithSummary("A task's form (form-js schema) and its current values"), escaped);
            Document(api.MapPost($"/{id}/claim", ClaimAsync).TaskInside(act: true).WithSummary("Claim a task (409 naming who holds it)"), escaped);
            Document(api.MapPost($"/{id}/unclaim", UnclaimAsync).TaskInside(act: true).WithSummary("Give a claimed task back"), escaped);
            Document(api.MapPost($"/{id}/complete", CompleteAsync).TaskInside(act: true)
                .WithSummary("Complete a task: 200, 202 when the instance is suspended, 409 naming who completed it first"), escaped);
        }
        return app;
    }

    private static void Document(RouteHandlerBuilder route, bool escaped)
    {
        if (escaped)
            route.ExcludeFromDescription();
    }

    internal static async Task<Results<Ok<Paged<TaskView>>, ProblemHttpResult>> ListAsync([AsParameters] TaskQuery query,
        [AsParameters] TaskServices services)
    {
        var (page, size, problem) = Paging.Check(query.Page, query.PageSize);
        if (problem is not null)
            return problem;
        if (query.State is { } state && !States.Contains(state))
            return ApiProblems.BadRequest($"state must be one of {string.Join(", ", States)}; not '{state}'.");
        var rows = services.Db.UserTasks.AsNoTracking().Inside(services.Actor.Caller!, t => t.RegionCode);
        if (query.Instance is { } instance)
            rows = rows.Where(t => t.InstanceId == instance);
        if (query.Element is { } element)
            rows = rows.Where(t => t.ElementId == element);
        if (query.State is { } s)
            rows = rows.Where(t => t.Status == s);
        if (query.Assignee is { } assignee)
            rows = rows.Where(t => t.Assignee == assignee);
        if (query.BusinessKey is { } businessKey)
            rows = rows.Where(t => t.BusinessKey == businessKey);
        if (query.CandidateGroup is { } group)
        {
            var member = $",{group},";
            rows = rows.Where(t => t.CandidateGroups != null && ("," + t.CandidateGroups + ",").Contains(member));
        }
        var total = await rows.CountAsync(services.CancellationToken);
        var tasks = await rows.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id).Skip((page - 1) * size).Take(size).ToListAsync(services.CancellationToken);
        return TypedResults.Ok(new Paged<TaskView>([.. tasks.Select(TaskView.Of)], page, size, total));
    }

    internal static async Task<Results<Ok<TaskView>, ProblemHttpResult>> GetAsync(TaskRef task, [AsParameters] TaskServices services) =>
        await services.Db.UserTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == task.Id, services.CancellationToken) is { } record
            ? TypedResults.Ok(TaskView.Of(record))
            : NoTask(task);

    internal static async Task<Results<Ok<TaskView>, ProblemHttpResult>> ClaimAsync(TaskRef task, [AsParameters] TaskServices services)
    {
        var result = await services.Inbox.ClaimAsync(task.Id, services.Actor.Name, services.CancellationToken);
        if (result.Status == TaskActionStatus.Done)
            await services.Handover.NoteAsync(result.Task!, "task-claimed", TaskJurisdiction.HistoryActor(services.Http, services.Actor), services.CancellationToken);
        return Answer(task, result, "claim");
    }

    internal static async Task<Results<Ok<TaskView>, ProblemHttpResult>> UnclaimAsync(TaskRef task, [AsParameters] TaskServices services)
    {
        var result = await services.Inbox.UnclaimAsync(task.Id, services.Actor.Name, services.CancellationToken);
        if (result.Status == TaskActionStatus.Done)
            await services.Handover.NoteAsync(result.Task!, "task-unclaimed", TaskJurisdiction.HistoryActor(services.Http, services.Actor), services.CancellationToken);
        return Answer(task, result, "unclaim");
    }

    internal static async Task<Results<Ok<TaskFormView>, ProblemHttpResult>> FormAsync(TaskRef task, TaskForms forms,
        CancellationToken cancellationToken) =>
        await forms.ForTaskAsync(task.Id, cancellationToken) is { } form
            ? TypedResults.Ok(new TaskFormView(form.Schema, RequestVariables.ToElement(form.Values), form.FormKey, form.FormRef, form.Version))
            : NoTask(task);

    internal static async Task<Results<Ok<TaskView>, Accepted<TaskView>, ValidationProblem, ProblemHttpResult>> CompleteAsync(TaskRef task,
        CompleteTaskBody? body, [AsParameters] TaskServices services)
    {
        var (variables, problem) = RequestVariables.Read(body?.Variables);
        if (problem is not null)
            return problem;
        var row = TaskJurisdiction.TaskOf(services.Http);
        variables = OpenInspection.Stamp(row?.FormKey, variables, services.Actor);
        var result = await services.Inbox.CompleteAsync(task.Id, variables, CompletingActor(row, services), services.CancellationToken);
        return result.Status switch
        {
            TaskActionStatus.Done => TypedResults.Ok(TaskView.Of(result.Task!)),
            TaskActionStatus.Held => TypedResults.Accepted($"/api/tasks/{task.Id}", TaskView.Of(result.Task!)),
            TaskActionStatus.NotFound => NoTask(task),
            TaskActionStatus.Invalid => TypedResults.ValidationProblem(new Dictionary<string, string[]>(result.Errors!),
                $"Task {task.Id} was not completed: the submission does not fit its form {result.Task!.FormKey}; nothing changed.",
                title: "The request is invalid"),
            _ => Conflict(task, result, "complete"),
        };
    }

    private static Results<Ok<TaskView>, ProblemHttpResult> Answer(TaskRef task, TaskActionResult result, string verb) => result.Status switch
    {
        TaskActionStatus.Done => TypedResults.Ok(TaskView.Of(result.Task!)),
        TaskActionStatus.NotFound => NoTask(task),
        _ => Conflict(task, result, verb),
    };

    // A task someone else claimed stays theirs: an administrator completing it is recorded as an administrator's action
    // (administrator:NAME), unless they claimed it themselves first.
    private static string CompletingActor(UserTaskRecord? row, TaskServices services) =>
        !TaskJurisdiction.ActsAsAdministrator(services.Http) || row?.ClaimedBy == services.Actor.Name
            ? services.Actor.Name
            : TaskJurisdiction.HistoryActor(services.Http, services.Actor);

    /// <summary>409 naming who holds or completed the task (<c>by</c>) and when (<c>at</c>).</summary>
    internal static ProblemHttpResult Conflict(TaskRef task, TaskActionResult result, string verb)
    {
        var t = result.Task;
        (string? by, DateTimeOffset? at) = t is null ? (null, null) : t.Status == "open" ? (t.ClaimedBy, t.ClaimedAt) : (t.CompletedBy, t.EndedAt);
        return TypedResults.Problem($"You cannot {verb} task {task.Id}: {result.Conflict}.", statusCode: StatusCodes.Status409Conflict,
            title: "Conflict", extensions: new Dictionary<string, object?> { ["by"] = by, ["at"] = at });
    }

    private static ProblemHttpResult NoTask(TaskRef task) => ApiProblems.NotFound($"There is no task {task.Id}.");
}

/// <summary>What the task endpoints need.</summary>
/// <param name="Db">The runtime's tables.</param>
/// <param name="Inbox">Claims and completes.</param>
/// <param name="Handover">Records claims; delegates and returns tasks.</param>
/// <param name="Actor">The caller.</param>
/// <param name="Http">The request (what the jurisdiction filter found out about it).</param>
/// <param name="CancellationToken">The request's cancellation.</param>
internal sealed record TaskServices(RuntimeDbContext Db, TaskInbox Inbox, TaskHandover Handover, RequestActor Actor,
    HttpContext Http, CancellationToken CancellationToken);
