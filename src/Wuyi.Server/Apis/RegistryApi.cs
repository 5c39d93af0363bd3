using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Wuyi.Certification.Certifications;

namespace Wuyi.Server.Apis;

/// <summary>The public registry of certified areas: no sign-in.</summary>
public static class RegistryApi
{
    /// <summary>Maps <c>/api/public/registry</c>.</summary>
    public static IEndpointRouteBuilder MapRegistryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/public/registry", GetAsync).AllowAnonymous().WithTags("Public")
            .WithSummary("The areas certified now (and those suspended), since when, with their region path; delisted or cancelled areas leave it at once");
        return app;
    }

    internal static async Task<Results<Ok<RegistryView>, ProblemHttpResult>> GetAsync(string? region, CertificationQueries queries,
        CancellationToken cancellationToken)
    {
        if (region is not null && (region.Length == 0 || !region.All(char.IsAsciiDigit)))
            return ApiProblems.BadRequest($"region must be a region code (digits), e.g. 4601 or 460105001; not '{region}'.");
        var areas = await queries.RegistryAsync(region, cancellationToken);
        return TypedResults.Ok(new RegistryView(region, areas.Count(a => a.Status == "certified"), areas.Count(a => a.Status == "suspended"), areas));
    }
}

/// <summary>The registry under a region.</summary>
/// <param name="Region">The region asked for, or null for the whole province.</param>
/// <param name="Certified">How many areas are certified.</param>
/// <param name="Suspended">How many are suspended (暂停认定) but still on the registry.</param>
/// <param name="Areas">The areas, by code.</param>
public sealed record RegistryView(string? Region, int Certified, int Suspended, IReadOnlyList<RegistryEntry> Areas);
