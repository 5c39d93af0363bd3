using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Wuyi.Certification.Regions;

namespace Wuyi.Server.Apis;

/// <summary>The region tree, one level at a time, with how the areas under each region stand.</summary>
public static class RegionsApi
{
    /// <summary>Maps <c>/api/regions</c>.</summary>
    public static IEndpointRouteBuilder MapRegionsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/regions", ChildrenAsync).WithTags("Areas")
            .WithSummary("The direct children of a region (province → city → county → township → village/community → compound), each with "
                + "whether it has children and counts of its areas by certification status; without parent, the caller's own regions");
        return app;
    }

    internal static async Task<Results<Ok<RegionChildrenView>, ProblemHttpResult>> ChildrenAsync(string? parent, RegionTree tree,
        RequestActor actor, CancellationToken cancellationToken)
    {
        var caller = actor.Caller!;
        if (parent is null or "")
            return TypedResults.Ok(new RegionChildrenView(null, await tree.NodesAsync(caller.Regions, cancellationToken)));
        if (parent.Length is < 2 or > 15 || !parent.All(char.IsAsciiDigit))
            return ApiProblems.BadRequest($"parent must be a region code (2 to 15 digits), e.g. 46, 460105 or 460105001; not '{parent}'.");
        // Outside the jurisdiction answers as an unknown code does, so that existence does not leak.
        var children = caller.Sees(parent) ? await tree.ChildrenAsync(parent, cancellationToken) : null;
        return children is null
            ? ApiProblems.NotFound($"No region has the code '{parent}' inside your jurisdiction.")
            : TypedResults.Ok(new RegionChildrenView(parent, children));
    }
}

/// <summary>One level of the region tree.</summary>
/// <param name="Parent">The region asked for; null for the caller's own regions.</param>
/// <param name="Items">Its direct children (or the caller's regions), by code.</param>
public sealed record RegionChildrenView(string? Parent, IReadOnlyList<RegionNode> Items);
