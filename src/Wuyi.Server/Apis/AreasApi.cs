using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Wuyi.Certification.Areas;
using Wuyi.Certification.Epidemic;

namespace Wuyi.Server.Apis;

/// <summary>Areas that may be certified: villages and communities from the regions, compounds registered under a community.</summary>
public static class AreasApi
{
    /// <summary>Maps <c>/api/areas</c>.</summary>
    public static IEndpointRouteBuilder MapAreasApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/areas").WithTags("Areas");
        api.MapPost("/", RegisterAsync).CommunityInside().WithSummary("Register a compound (小区) under a community; its code is the community's plus a 3-digit suffix");
        api.MapGet("/{code}", GetAsync).AreaInside().WithSummary("An area (village, community or compound) with its region path and epidemic status");
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

    internal static async Task<Results<Ok<AreaView>, ProblemHttpResult>> GetAsync(string code, AreaDirectory areas, EpidemicStatus epidemic,
        CancellationToken cancellationToken) =>
        await areas.FindAsync(code, cancellationToken) is { } area
            ? TypedResults.Ok(await ViewAsync(area, epidemic, cancellationToken))
            : ApiProblems.NotFound($"No village, community or compound has the code '{code}'.");

    private static async Task<AreaView> ViewAsync(AreaInfo area, EpidemicStatus epidemic, CancellationToken cancellationToken) =>
        new(area.Code, area.Name, area.Type, area.Path, await epidemic.LastInfectionAtAsync(area.Code, cancellationToken),
            await epidemic.OpenContactsAsync(area.Code, cancellationToken), await epidemic.CountyDynamicZeroAsync(area.CountyCode, cancellationToken));
}

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
/// <param name="CountyDynamicZero">Its county: true at dynamic zero, false not, null no outbreak recorded.</param>
public sealed record AreaView(string Code, string Name, string Type, IReadOnlyList<RegionRef> Path, DateTimeOffset? LastInfectionAt,
    IReadOnlyList<string> OpenCloseContacts, bool? CountyDynamicZero);
