using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wuyi.Runtime.Limits;
using Wuyi.Runtime.Persistence;

namespace Wuyi.Server.Apis;

/// <summary>
/// Turns the failures a client can act on into problem details that say what went wrong in the API's terms: an
/// unreadable request (malformed JSON, a value of the wrong kind, a missing body, a body over the limit) is a
/// 400/413 naming the field, what it expected and what came; an unreachable database is a 503. Everything else
/// stays a 500 without internals.
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException e => BindingFailures.Describe(e, context).ToProblemDetails(),
            InputLimitException e => new ProblemDetails
            {
                Status = e.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,
                Title = "The request breaks a limit", Detail = e.Message,
            },
            DatabaseUnavailableException e => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable, Title = "The database is unavailable", Detail = e.Message,
            },
            _ => null,
        };
        if (problem is null)
            return false;
        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
