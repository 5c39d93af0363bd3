using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Wuyi.Certification.Areas;
using Wuyi.Certification.Epidemic;
using Wuyi.Certification.Regions;

namespace Wuyi.Server.Apis;

/// <summary>Areas that may be certified: villages and communities from the regions, compounds registered under a community.</summary>
public static class AreasApi
{
    /// <summary>Maps <c>/api/areas</c>.</summary>
    public static IEndpointRouteBuilder MapAreasApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/areas").WithTags("Areas");
        api.MapPost("/", RegisterAsync).CommunityInside().WithSummary("Register a compound (小区) under a community; its code is the community's plus a 3-digit suffix");
        api.MapGet("/{code}", GetAsync).AreaInside()
            .WithSummary("An area (village, community or compound) with its region path and epidemic status; for a county (6 digits), its "
                + "standing for who may take part (no outbreak, at dynamic zero, or not) and why");
        return app;
    }

    internal static async Task<Results<Created<AreaView>, ProblemHttpResult>> RegisterAsync(RegisterCompoundBody body, AreaDirectory areas,
        EpidemicStatus epidemic, RequestActor actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.CommunityCode))
            return ApiProblems.BadRequest("communityCode is required: the 12-digit code of the community the compound belongs to.");
        if (string.IsNullOrWhiteSpace(body.Name))
            return ApiProblems.BadRequest("name is required: the compound's name.");
        var (compound, error, conflict) = await areas.RegisterCompoundAsync(body.CommunityCode, body.Name, actor.Name, cancellationToken);
        if (compound is null)
            return conflict ? ApiProblems.Conflict(error!) : ApiProblems.Unprocessable(error!);
        var view = await ViewAsync((await areas.FindAsync(compound.Code, cancellationToken))!, epidemic, cancellationToken);
        return TypedResults.Created($"/api/areas/{compound.Code}", view);
    }

    internal static async Task<Results<Ok<AreaView>, Ok<CountyView>, ProblemHttpResult>> GetAsync(string code, AreaDirectory areas,
        EpidemicStatus epidemic, CancellationToken cancellationToken)
    {
        if (Region.LevelOf(code) == RegionLevel.County && code.All(char.IsAsciiDigit))
        {
            var path = await areas.PathAsync(code, cancellationToken);
            if (path.Count == 0 || path[^1].Code != code)
                return ApiProblems.NotFound($"No county has the code '{code}'.");
            var county = await epidemic.CountyAsync(code, cancellationToken);
            return TypedResults.Ok(new CountyView(code, path[^1].Name, "county", path, county.Status, county.Reason, county.LatestInfectionAt,
                county.LatestInfectionArea, county.DeclaredAt));
        }
        return await areas.FindAsync(code, cancellationToken) is { } area
            ? TypedResults.Ok(await ViewAsync(area, epidemic, cancellationToken))
            : ApiProblems.NotFound($"No village, community, compound or county has the code '{code}'.");
    }

    private static async Task<AreaView> ViewAsync(AreaInfo area, EpidemicStatus epidemic, CancellationToken cancellationToken)
    {
        var county = await epidemic.CountyAsync(area.CountyCode, cancellationToken);
        return new(area.Code, area.Name, area.Type, area.Path, await epidemic.LastInfectionAtAsync(area.Code, cancellationToken),
            await epidemic.OpenContactsAsync(area.Code, cancellationToken),
            county.Status switch { CountyStates.DynamicZero => true, CountyStates.NotDynamicZero => false, _ => null },
            county.Status, await epidemic.RiskZoneAsync(area.Code, cancellationToken));
    }
}

/// <summary>A county with its standing for who may take part (创建范围).</summary>
/// <param name="Code">The 6-digit county code.</param>
/// <param name="Name">Its name.</param>
/// <param name="Type">Always <c>county</c>.</param>
/// <param name="Path">The regions down to it, top down (itself last).</param>
/// <param name="Status"><c>no-outbreak</c>, <c>dynamic-zero</c> or <c>not-dynamic-zero</c>.</param>
/// <param name="Reason">Why, from the service's own infection records and the declarations it received.</param>
/// <param name="LatestInfectionAt">Its latest infection since the programme's start, if any.</param>
/// <param name="LatestInfectionArea">The area of that infection.</param>
/// <param name="DeclaredAt">When dynamic zero was last declared or lost, if ever.</param>
public sealed record CountyView(string Code, string Name, string Type, IReadOnlyList<RegionRef> Path, string Status, string Reason,
    DateTimeOffset? LatestInfectionAt, string? LatestInfectionArea, DateTimeOffset? DeclaredAt);

/// <summary>A compound to register.</summary>
/// <param name="CommunityCode">The community (12 digits) it belongs to.</param>
/// <param name="Name">Its name.</param>
public sealed record RegisterCompoundBody(string? CommunityCode, string? Name);

/// <summary>An area with its epidemic status.</summary>
/// <param name="Code">The area code.</param>
/// <param name="Name">Its name.</param>
/// <param name="Type"><c>village</c>, <c>community</c> or <c>compound</c>.</param>
/// <param name="Path">The regions above it, top down.</param>
/// <param name="LastInfectionAt">Its latest infection, or null.</param>
/// <param name="OpenCloseContacts">The references of its close contacts not yet ruled out.</param>
/// <param name="CountyDynamicZero">Its county: true at dynamic zero, false not, null no outbreak.</param>
/// <param name="CountyStatus">Its county's standing (<c>GET /api/areas/{county}</c> says why).</param>
/// <param name="RiskZone">The risk zone it lies in (<c>high</c>, <c>medium</c>, <c>low</c>).</param>
public sealed record AreaView(string Code, string Name, string Type, IReadOnlyList<RegionRef> Path, DateTimeOffset? LastInfectionAt,
    IReadOnlyList<string> OpenCloseContacts, bool? CountyDynamicZero, string CountyStatus, string RiskZone);
