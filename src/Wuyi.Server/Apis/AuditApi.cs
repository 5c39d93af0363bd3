using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Wuyi.People.Access;
using Wuyi.People.Audit;
using Wuyi.Server.Apis.Contracts;

namespace Wuyi.Server.Apis;

/// <summary>Who did what: every change made through the API, for administrators of the region it happened in.</summary>
public static class AuditApi
{
    /// <summary>Maps <c>/api/audit</c>.</summary>
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit", ListAsync).WithTags("Audit").AdministratorsOnly()
            .WithSummary("Changes made through the API, newest first, filtered by user, region and time");
        return app;
    }

    internal static async Task<Results<Ok<Paged<AuditRecord>>, ProblemHttpResult>> ListAsync(string? user, string? region, DateTimeOffset? from,
        DateTimeOffset? to, int? page, int? pageSize, AuditLog audit, RequestActor actor, CancellationToken cancellationToken)
    {
        var (p, size, problem) = Paging.Check(page, pageSize);
        if (problem is not null)
            return problem;
        var administered = new Caller(actor.Caller!.UserName, null, [.. actor.Caller.Grants.Where(g => g.Role == Roles.Administrator)]);
        var (items, total) = await audit.ListAsync(audit.Rows.Inside(administered, a => a.RegionCode), user, region, from, to, p, size, cancellationToken);
        return TypedResults.Ok(new Paged<AuditRecord>(items, p, size, total));
    }
}
