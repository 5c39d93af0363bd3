using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Wuyi.Certification.Certifications;
using Wuyi.Certification.Inspections;
using Wuyi.Runtime.Messages;
using Wuyi.Server.Apis.Contracts;

namespace Wuyi.Server.Apis;

/// <summary>Certifications of areas: applications and their records.</summary>
public static class CertificationsApi
{
    /// <summary>Maps <c>/api/certifications</c>.</summary>
    public static IEndpointRouteBuilder MapCertificationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/certifications").WithTags("Certifications");
        api.MapPost("/", ApplyAsync).ApplicantOfArea().WithSummary("Apply (主动申报): starts a certification of the area, refused when it may not take part or has a live one");
        api.MapGet("/", ListAsync).RegionArgumentInside(argument: 0).WithSummary("Certifications under a region, by status, newest first (paged)");
        api.MapGet("/{id}", GetAsync).InstanceInside(certification: true).WithSummary("One certification: status, current step, criteria results, benefits and its timeline");
        api.MapPost("/{id}/spot-checks", RequestSpotCheckAsync).AdministratorsOnly().InstanceInside(administer: true, certification: true)
            .WithSummary("Request an unscheduled spot-check (不定期督查) of a certified or suspended area, open (明查) or covert (暗访)");
        var policy = app.MapGroup("/api/inspection-policy").WithTags("Certifications");
        policy.MapGet("/", GetPolicyAsync).AdministratorsOnly()
            .WithSummary("The inspection policy in force: interval of scheduled checks, share of covert checks, range of the random first offset");
        policy.MapPut("/", SetPolicyAsync).AdministratorsOnly()
            .WithSummary("Set the inspection policy (定期和不定期、明查和暗访): applies to certifications applied for from now and to checks falling due");
        return app;
    }

    internal static async Task<Results<Accepted<CorrelationResult>, ProblemHttpResult>> RequestSpotCheckAsync(string id, SpotCheckRequest body,
        CertificationQueries queries, MessageCorrelation messages, RequestActor actor, HttpContext http,
        CancellationToken cancellationToken)
    {
        if (body.Mode is not ("open" or "covert"))
            return ApiProblems.BadRequest($"mode must be 'open' or 'covert', not '{body.Mode}'");
        if (await queries.FindAsync(id, cancellationToken) is not { } certification)
            return ApiProblems.NotFound($"no certification {id}");
        // The request's own key makes a retried click one spot-check; without one, each request is a new one.
        var messageId = $"spot-check:{id}:{http.Request.Headers["Idempotency-Key"].FirstOrDefault() ?? Guid.NewGuid().ToString("N")}";
        var result = await messages.CorrelateAsync(new MessageRequest("SpotCheckRequested", certification.Summary.AreaCode, null, messageId,
            new Dictionary<string, object?> { ["requestedMode"] = body.Mode }, TimeSpan.Zero, actor.Name), cancellationToken);
        if (result.Correlated.Count == 0)
            return ApiProblems.Conflict($"certification {id} is not certified or suspended now ({certification.Summary.Status}): no spot-check can be requested");
        return TypedResults.Accepted($"/api/certifications/{id}", result);
    }

    internal static async Task<Ok<InspectionPolicyView>> GetPolicyAsync(InspectionPolicies policies, CancellationToken cancellationToken) =>
        TypedResults.Ok(await policies.CurrentAsync(cancellationToken));

    internal static async Task<Results<Ok<InspectionPolicyView>, ProblemHttpResult>> SetPolicyAsync(InspectionPolicySettings body,
        InspectionPolicies policies, RequestActor actor, CancellationToken cancellationToken)
    {
        var change = await policies.SetAsync(body, actor.Name, cancellationToken);
        return change.Policy is { } policy ? TypedResults.Ok(policy) : Refusals.Problem(change.Refusal!);
    }

    internal static async Task<Results<Created<CertificationDetail>, ProblemHttpResult>> ApplyAsync(CertificationApplication body,
        CertificationApplications applications, CertificationQueries queries, RequestActor actor,
        CancellationToken cancellationToken)
    {
        var outcome = await applications.ApplyAsync(body, actor.Name, cancellationToken);
        if (outcome.InstanceId is not { } id)
            return outcome.Errors is { } errors
                ? ApiProblems.BadRequest(outcome.Refusal!.Message, new Dictionary<string, object?> { ["errors"] = errors })
                : Refusals.Problem(outcome.Refusal!);
        return TypedResults.Created($"/api/certifications/{id}", (await queries.FindAsync(id, cancellationToken))!);
    }

    internal static async Task<Results<Ok<Paged<CertificationSummary>>, ProblemHttpResult>> ListAsync(string? region, string? status, int? page,
        int? pageSize, CertificationQueries queries, CancellationToken cancellationToken)
    {
        var (p, size, problem) = Paging.Check(page, pageSize);
        if (problem is not null)
            return problem;
        if (region is not null && (region.Length == 0 || !region.All(char.IsAsciiDigit)))
            return ApiProblems.BadRequest($"region must be a region code (digits), e.g. 4601 or 460105001; not '{region}'.");
        if (!string.IsNullOrEmpty(status) && !CertificationProcess.Statuses.Contains(status))
            return ApiProblems.BadRequest($"status '{status}' is not a certification status; one of: {string.Join(", ", CertificationProcess.Statuses)}.");
        var (items, total) = await queries.ListAsync(region, string.IsNullOrEmpty(status) ? null : status, p, size, cancellationToken);
        return TypedResults.Ok(new Paged<CertificationSummary>(items, p, size, total));
    }

    internal static async Task<Results<Ok<CertificationDetail>, ProblemHttpResult>> GetAsync(string id, CertificationQueries queries,
        CancellationToken cancellationToken) =>
        await queries.FindAsync(id, cancellationToken) is { } detail
            ? TypedResults.Ok(detail)
            : ApiProblems.NotFound($"No certification has the id '{id}'.");
}
