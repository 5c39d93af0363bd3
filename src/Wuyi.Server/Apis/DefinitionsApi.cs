using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Wuyi.Runtime.Definitions;
using Wuyi.Runtime.Store;
using Wuyi.Server.Apis.Contracts;

namespace Wuyi.Server.Apis;

/// <summary>Deploying BPMN models and reading their versions.</summary>
public static class DefinitionsApi
{
    /// <summary>Maps <c>/api/definitions</c>.</summary>
    public static IEndpointRouteBuilder MapDefinitionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/definitions").WithTags("Definitions");
        api.MapPost("/", DeployAsync).AdministratorsOnly().DisableAntiforgery()
            .Accepts<string>("application/xml", "text/xml", "multipart/form-data")
            .WithSummary("Deploy a BPMN document (the XML as the body, or one file in a multipart form)");
        api.MapGet("/", ListLatestAsync).WithSummary("The newest version of every process");
        api.MapGet("/{key}", ListVersionsAsync).WithSummary("Every version of one process, newest first");
        api.MapGet("/{key}/{version:int}/xml", GetXmlAsync).WithSummary("The BPMN document of one version");
        return app;
    }

    internal static async Task<Results<Created<DeploymentView>, Ok<DeploymentView>, ProblemHttpResult>> DeployAsync(
        HttpRequest request, [AsParameters] DefinitionServices services)
    {
        var (xml, problem) = await ReadDocumentAsync(request, services.CancellationToken);
        if (problem is not null)
            return problem;
        var outcome = await services.Deployment.DeployAsync(xml!, services.Actor.Name, services.CancellationToken);
        if (!outcome.Success)
        {
            var errors = outcome.Problems.Select(p => new ModelProblemView(p.ElementId, p.Line, p.Message)).ToList();
            return TypedResults.Problem(
                $"The model has {errors.Count} problem(s) and nothing was deployed: {string.Join("; ", outcome.Problems.Select(p => p.ToString()))}",
                statusCode: StatusCodes.Status400BadRequest, title: "The BPMN model is invalid",
                extensions: new Dictionary<string, object?> { ["errors"] = errors });
        }
        var versions = outcome.Versions.Select(v => new DeployedVersionView(v.Key, v.Version, v.Created)).ToList();
        var view = new DeploymentView(versions[0].Key, versions[0].Version, versions);
        return versions.Any(v => v.Created)
            ? TypedResults.Created($"/api/definitions/{Uri.EscapeDataString(view.Key)}/{view.Version}/xml", view)
            : TypedResults.Ok(view);
    }

    internal static async Task<Ok<List<DefinitionView>>> ListLatestAsync([AsParameters] DefinitionServices services)
    {
        var db = services.Db;
        var latest = await db.Definitions.AsNoTracking()
            .Where(d => !db.Definitions.Any(n => n.Key == d.Key && n.Version > d.Version))
            .OrderBy(d => d.Key).ToListAsync(services.CancellationToken);
        return TypedResults.Ok(latest.Select(DefinitionView.Of).ToList());
    }

    internal static async Task<Results<Ok<List<DefinitionView>>, ProblemHttpResult>> ListVersionsAsync(string key,
        [AsParameters] DefinitionServices services)
    {
        var versions = await services.Db.Definitions.AsNoTracking().Where(d => d.Key == key)
            .OrderByDescending(d => d.Version).ToListAsync(services.CancellationToken);
        return versions.Count == 0
            ? ApiProblems.NotFound($"No process '{key}' is deployed.")
            : TypedResults.Ok(versions.Select(DefinitionView.Of).ToList());
    }

    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetXmlAsync(string key, int version,
        [AsParameters] DefinitionServices services)
    {
        var xml = await services.Db.Definitions.AsNoTracking().Where(d => d.Key == key && d.Version == version)
            .Select(d => d.Xml).FirstOrDefaultAsync(services.CancellationToken);
        return xml is null
            ? ApiProblems.NotFound($"Process '{key}' has no version {version}.")
            : TypedResults.Content(xml, "application/xml", Encoding.UTF8);
    }

    /// <summary>The XML from the body, or from the one file of a multipart form.</summary>
    private static async Task<(string? Xml, ProblemHttpResult? Problem)> ReadDocumentAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // The body's size is limited for every request, chunked or not (Wuyi:Limits:MaxRequestBodyBytes, RequestGuard).
        string xml;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            if (form.Files.Count != 1)
                return (null, ApiProblems.BadRequest($"Upload exactly one BPMN file; the form has {form.Files.Count}."));
            using var reader = new StreamReader(form.Files[0].OpenReadStream(), Encoding.UTF8);
            xml = await reader.ReadToEndAsync(cancellationToken);
        }
        else
        {
            var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
            if (mediaType is not (null or "application/xml" or "text/xml" or "application/bpmn+xml" or "text/plain" or "application/octet-stream"))
                return (null, ApiProblems.UnsupportedMediaType(
                    $"Send the BPMN XML as application/xml or text/xml, or as a file in multipart/form-data; not {mediaType}."));
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            xml = await reader.ReadToEndAsync(cancellationToken);
        }
        return string.IsNullOrWhiteSpace(xml)
            ? (null, ApiProblems.BadRequest("The body is empty: send the BPMN XML."))
            : (xml, null);
    }
}

/// <summary>What the definition endpoints need.</summary>
/// <param name="Db">The runtime's tables.</param>
/// <param name="Deployment">Validates and deploys.</param>
/// <param name="Actor">The caller.</param>
/// <param name="CancellationToken">The request's cancellation.</param>
internal sealed record DefinitionServices(RuntimeDbContext Db, Deployment Deployment, RequestActor Actor, CancellationToken CancellationToken);
