using Microsoft.AspNetCore.Http;

namespace Wuyi.Server.Apis;

/// <summary>
/// Gives every problem a detail, including those the framework writes itself (an unknown route, a wrong
/// method, an unaccepted content type), so that no 4xx leaves a client guessing.
/// </summary>
internal static class ProblemDefaults
{
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (!string.IsNullOrEmpty(problem.Detail))
            return;
        var request = context.HttpContext.Request;
        var what = $"{request.Method} {request.Path}";
        problem.Detail = problem.Status switch
        {
            StatusCodes.Status404NotFound => $"Nothing is at {what}; the OpenAPI document at /openapi/v1.json lists the routes.",
            StatusCodes.Status405MethodNotAllowed => $"{what} does not take this method; the OpenAPI document at /openapi/v1.json lists the routes.",
            StatusCodes.Status415UnsupportedMediaType => $"{what} does not accept content of type '{request.ContentType}'; the OpenAPI document at /openapi/v1.json says what it takes.",
            StatusCodes.Status500InternalServerError => "The server failed to answer; the log has the details.",
            _ => problem.Title,
        };
    }
}
