using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Wuyi.People.Access;
using Wuyi.Runtime.Instances;
using Wuyi.Runtime.Store;
using Wuyi.Server.Apis.Contracts;

namespace Wuyi.Server.Apis;

/// <summary>Starting, reading and operating on process instances.</summary>
public static class InstancesApi
{
    /// <summary>The header that makes a start idempotent: the same key again returns the first instance.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private static readonly string[] States = ["running", "waiting", "completed", "terminated", "failed", "suspended"];

    /// <summary>Maps <c>/api/instances</c>.</summary>
    public static IEndpointRouteBuilder MapInstancesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/instances").WithTags("Instances");
        api.MapPost("/", StartAsync).WithSummary("Start an instance (an Idempotency-Key header makes a repeat return the first one)");
        api.MapGet("/", ListAsync).WithSummary("Instances, filtered and paged, newest first");
        api.MapGet("/{id}", GetAsync).InstanceInside().WithSummary("One instance: state, active elements, variables, incidents");
        api.MapGet("/{id}/history", GetHistoryAsync).InstanceInside().WithSummary("The instance's history: its events as simulate prints them, with the actor");
        api.MapPost("/{id}/suspend", SuspendAsync).AdministratorsOnly().InstanceInside(administer: true).WithSummary("Suspend: stimuli are held, not lost");
        api.MapPost("/{id}/resume", ResumeAsync).AdministratorsOnly().InstanceInside(administer: true).WithSummary("Resume, applying what was held in arrival order");
        api.MapPost("/{id}/cancel", CancelAsync).AdministratorsOnly().InstanceInside(administer: true).WithSummary("Cancel, with the instances it called");
        return app;
    }

    internal static async Task<Results<Created<InstanceView>, Ok<InstanceView>, ProblemHttpResult>> StartAsync(StartInstanceBody body,
        [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey, [AsParameters] InstanceServices services)
    {
        if (string.IsNullOrWhiteSpace(body.ProcessKey))
            return ApiProblems.BadRequest("processKey is required: the id of a deployed process.");
        var (variables, problem) = RequestVariables.Read(body.Variables);
        if (problem is not null)
            return problem;
        var id = idempotencyKey is { Length: > 0 } key ? IdFromKey(key) : null;
        TransitionOutcome outcome;
        try
        {
            outcome = await services.Transitions.StartAsync(
                new StartInstanceRequest(body.ProcessKey, body.BusinessKey, variables, services.Actor.Name, id) { Initiator = services.Actor.Name },
                services.CancellationToken);
        }
        catch (KeyNotFoundException)
        {
            return ApiProblems.BadRequest($"No version of process '{body.ProcessKey}' is deployed.");
        }
        if (outcome.Status == TransitionStatus.Refused)
            return ApiProblems.Unprocessable($"Process '{body.ProcessKey}' cannot start: {outcome.Refusal}");
        var view = (await InstanceViews.FindAsync(services.Db, outcome.InstanceId, services.CancellationToken))!;
        if (outcome.Status == TransitionStatus.Duplicate)
            return view.ProcessKey == body.ProcessKey
                ? TypedResults.Ok(view)
                : ApiProblems.Unprocessable($"{IdempotencyKeyHeader} '{idempotencyKey}' was used to start instance {view.Id} of process '{view.ProcessKey}', not '{body.ProcessKey}'.");
        return TypedResults.Created($"/api/instances/{Uri.EscapeDataString(view.Id)}", view);
    }

    internal static async Task<Results<Ok<Paged<InstanceView>>, ProblemHttpResult>> ListAsync([AsParameters] InstanceQuery query,
        [AsParameters] InstanceServices services)
    {
        var (page, size, problem) = Paging.Check(query.Page, query.PageSize);
        if (problem is not null)
            return problem;
        if (query.State is { } state && !States.Contains(state))
            return ApiProblems.BadRequest($"state must be one of {string.Join(", ", States)}; not '{state}'.");
        var rows = services.Db.Instances.AsNoTracking().Inside(services.Actor.Caller!, i => i.RegionCode);
        if (query.BusinessKey is { } businessKey)
            rows = rows.Where(i => i.BusinessKey == businessKey);
        if (query.Region is { Length: > 0 } region)
            rows = rows.Where(i => i.RegionCode != null && i.RegionCode.StartsWith(region));
        if (query.ProcessKey is { } processKey)
            rows = rows.Where(i => i.ProcessKey == processKey);
        if (query.ParentId is { } parentId)
            rows = rows.Where(i => i.ParentId == parentId);
        rows = query.State switch
        {
            null => rows,
            "suspended" => rows.Where(i => i.Suspended),
            var s => rows.Where(i => i.Status == s),
        };
        var total = await rows.CountAsync(services.CancellationToken);
        var records = await rows.OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id).Skip((page - 1) * size).Take(size)
            .ToListAsync(services.CancellationToken);
        var items = await InstanceViews.BuildAsync(services.Db, records, services.CancellationToken);
        return TypedResults.Ok(new Paged<InstanceView>(items, page, size, total));
    }

    internal static async Task<Results<Ok<InstanceView>, ProblemHttpResult>> GetAsync(string id, [AsParameters] InstanceServices services) =>
        await InstanceViews.FindAsync(services.Db, id, services.CancellationToken) is { } view
            ? TypedResults.Ok(view)
            : NoInstance(id);

    internal static async Task<Results<Ok<List<JsonObject>>, ProblemHttpResult>> GetHistoryAsync(string id, [AsParameters] InstanceServices services)
    {
        var db = services.Db;
        if (!await db.Instances.AnyAsync(i => i.Id == id, services.CancellationToken))
            return NoInstance(id);
        var rows = await db.History.AsNoTracking().Where(h => h.InstanceId == id).OrderBy(h => h.Id)
            .Select(h => new { h.Data, h.Actor }).ToListAsync(services.CancellationToken);
        var events = rows.Select(h =>
        {
            var e = JsonNode.Parse(h.Data)!.AsObject();
            e["actor"] = h.Actor;
            return e;
        }).ToList();
        return TypedResults.Ok(events);
    }

    internal static async Task<Results<Ok<InstanceView>, ProblemHttpResult>> SuspendAsync(string id, [AsParameters] InstanceServices services)
    {
        var changed = await services.Operations.SuspendAsync(id, services.Actor.Name, services.CancellationToken);
        // Suspending a suspended instance changes nothing and answers as the first time did.
        return await OperatedAsync(id, services, changed, v => v.Suspended, "suspended");
    }

    internal static async Task<Results<Ok<InstanceView>, ProblemHttpResult>> ResumeAsync(string id, [AsParameters] InstanceServices services)
    {
        var changed = await services.Operations.ResumeAsync(id, services.Actor.Name, services.CancellationToken);
        return await OperatedAsync(id, services, changed, v => !v.Suspended, "resumed");
    }

    internal static async Task<Results<Ok<InstanceView>, ProblemHttpResult>> CancelAsync(string id, CancelInstanceBody? body,
        [AsParameters] InstanceServices services)
    {
        var outcome = await services.Operations.CancelAsync(id, services.Actor.Name, body?.Reason, services.CancellationToken);
        if (outcome.Status == TransitionStatus.NotFound)
            return NoInstance(id);
        var view = (await InstanceViews.FindAsync(services.Db, id, services.CancellationToken))!;
        return outcome.Status == TransitionStatus.Refused
            ? ApiProblems.Conflict($"Instance {id} cannot be cancelled: it is {view.State}" + (view.EndedAt is { } at ? $" since {at:O}" : "") + $" ({outcome.Refusal}).")
            : TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<InstanceView>, ProblemHttpResult>> OperatedAsync(string id, InstanceServices services,
        bool changed, Func<InstanceView, bool> done, string verb)
    {
        var view = await InstanceViews.FindAsync(services.Db, id, services.CancellationToken);
        if (view is null)
            return NoInstance(id);
        if (changed)
            return TypedResults.Ok(view); // resuming may have completed it: what it held has been applied
        if (view.EndedAt is { } endedAt)
            return ApiProblems.Conflict($"Instance {id} cannot be {verb}: it is {view.State} since {endedAt:O}.");
        return done(view) ? TypedResults.Ok(view) : ApiProblems.Conflict($"Instance {id} was not {verb}; it changed meanwhile, try again.");
    }

    private static ProblemHttpResult NoInstance(string id) => ApiProblems.NotFound($"There is no instance {id}.");

    /// <summary>A stable instance id for a client's idempotency key, so the same key finds the same instance.</summary>
    internal static string IdFromKey(string key) =>
        "k-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
}

/// <summary>What the instance endpoints need.</summary>
/// <param name="Db">The runtime's tables.</param>
/// <param name="Transitions">Starts instances.</param>
/// <param name="Operations">Suspend, resume, cancel.</param>
/// <param name="Actor">The caller.</param>
/// <param name="CancellationToken">The request's cancellation.</param>
internal sealed record InstanceServices(RuntimeDbContext Db, InstanceTransitions Transitions, InstanceOperations Operations,
    RequestActor Actor, CancellationToken CancellationToken);
