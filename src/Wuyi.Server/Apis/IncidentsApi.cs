using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Wuyi.People.Access;
using Wuyi.Runtime.Instances;
using Wuyi.Runtime.Store;
using Wuyi.Server.Apis.Contracts;

namespace Wuyi.Server.Apis;

/// <summary>Incidents: paths the engine stopped and service handlers out of retries, and retrying them.</summary>
public static class IncidentsApi
{
    /// <summary>Maps <c>/api/incidents</c>.</summary>
    public static IEndpointRouteBuilder MapIncidentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/incidents").WithTags("Incidents");
        api.MapGet("/", ListAsync).WithSummary("Open incidents, oldest first (all=true: resolved ones too)");
        api.MapPost("/{id:long}/retry", RetryAsync).AdministratorsOnly().IncidentInside().WithSummary("Retry an open incident");
        return app;
    }

    internal static async Task<Results<Ok<Paged<IncidentView>>, ProblemHttpResult>> ListAsync(bool? all, string? instance, int? page, int? pageSize,
        [AsParameters] IncidentServices services)
    {
        var (p, size, problem) = Paging.Check(page, pageSize);
        if (problem is not null)
            return problem;
        var db = services.Db;
        var inside = db.Instances.AsNoTracking().Inside(services.Actor.Caller!, i => i.RegionCode).Select(i => i.Id);
        var rows = db.Incidents.AsNoTracking().Where(i => inside.Contains(i.InstanceId));
        if (all != true)
            rows = rows.Where(i => i.ResolvedAt == null);
        if (instance is not null)
            rows = rows.Where(i => i.InstanceId == instance);
        var total = await rows.CountAsync(services.CancellationToken);
        var items = await rows.OrderBy(i => i.Id).Skip((p - 1) * size).Take(size).ToListAsync(services.CancellationToken);
        return TypedResults.Ok(new Paged<IncidentView>([.. items.Select(IncidentView.Of)], p, size, total));
    }

    internal static async Task<Results<Ok<IncidentView>, ProblemHttpResult>> RetryAsync(long id, [AsParameters] IncidentServices services)
    {
        var incident = await services.Db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, services.CancellationToken);
        if (incident is null)
            return ApiProblems.NotFound($"There is no incident {id}.");
        if (incident.ResolvedAt is { } resolvedAt)
            return ApiProblems.Conflict($"Incident {id} was already retried by {incident.ResolvedBy} at {resolvedAt:O}.");
        var retried = await services.Operations.RetryIncidentAsync(id, services.Actor.Name, services.CancellationToken);
        return TypedResults.Ok(IncidentView.Of(retried!));
    }
}

/// <summary>What the incident endpoints need.</summary>
/// <param name="Db">The runtime's tables.</param>
/// <param name="Operations">Retries incidents.</param>
/// <param name="Actor">The caller.</param>
/// <param name="CancellationToken">The request's cancellation.</param>
internal sealed record IncidentServices(RuntimeDbContext Db, InstanceOperations Operations, RequestActor Actor,
    CancellationToken CancellationToken);
