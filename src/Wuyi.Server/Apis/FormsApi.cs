using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Wuyi.Runtime.Forms;
using Wuyi.Runtime.Store;

namespace Wuyi.Server.Apis;

/// <summary>Deploying Camunda Forms (form-js schemas, <c>*.form</c>) and reading their versions.</summary>
public static class FormsApi
{
    /// <summary>The largest form accepted.</summary>
    public const int MaxFormBytes = 1024 * 1024;

    /// <summary>Maps <c>/api/forms</c>.</summary>
    public static IEndpointRouteBuilder MapFormsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/forms").WithTags("Forms");
        api.MapPost("/", DeployAsync).AdministratorsOnly().Accepts<JsonElement>("application/json")
            .WithSummary("Deploy a Camunda Form (the .form JSON as the body); the same text twice is one version");
        api.MapGet("/{formId}", LatestAsync).WithSummary("The newest version of a form (its form-js schema)");
        return app;
    }

    internal static async Task<Results<Created<FormVersionView>, Ok<FormVersionView>, ProblemHttpResult>> DeployAsync(HttpRequest request,
        FormDeployment deployment, RequestActor actor, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxFormBytes)
            return ApiProblems.BadRequest($"The form is larger than {MaxFormBytes} bytes.");
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var json = await reader.ReadToEndAsync(cancellationToken);
        var (form, created, error) = await deployment.DeployAsync(json, actor.Name, cancellationToken);
        if (form is null)
            return ApiProblems.BadRequest($"The body is not a Camunda Form: {error}.");
        var view = new FormVersionView(form.FormId, form.Version, form.DeployedAt);
        return created ? TypedResults.Created($"/api/forms/{Uri.EscapeDataString(form.FormId)}", view) : TypedResults.Ok(view);
    }

    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> LatestAsync(string formId, RuntimeDbContext db,
        CancellationToken cancellationToken) =>
        await db.Forms.AsNoTracking().Where(f => f.FormId == formId).OrderByDescending(f => f.Version).Select(f => f.Schema)
            .FirstOrDefaultAsync(cancellationToken) is { } schema
            ? TypedResults.Content(schema, "application/json", Encoding.UTF8)
            : ApiProblems.NotFound($"No form '{formId}' is deployed.");
}

/// <summary>A deployed form version.</summary>
/// <param name="FormId">The form's id.</param>
/// <param name="Version">Its version.</param>
/// <param name="DeployedAt">When it was deployed.</param>
public sealed record FormVersionView(string FormId, int Version, DateTimeOffset DeployedAt);
