using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wuyi.Runtime.Limits;
using Wuyi.Runtime.Persistence;

namespace Wuyi.Server.Apis;

/// <summary>
/// Turns the failures a client can act on into problem details that say what went wrong: an unreadable
/// request (malformed JSON, a missing body) is a 400 naming the parameter; an unreachable database is a
/// 503. Everything else stays a 500 without internals.
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException e => (e.StatusCode, "The request is invalid",
                e.InnerException is { Message: var inner } ? $"{e.Message} {inner}" : e.Message),
            InputLimitException e => (e.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest,
                "The request breaks a limit", e.Message),
            DatabaseUnavailableException e => (StatusCodes.Status503ServiceUnavailable, "The database is unavailable", e.Message),
            _ => (0, "", ""),
        };
        if (status == 0)
            return false;
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
