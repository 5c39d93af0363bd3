using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Wuyi.Server.Hosting;

/// <summary>
/// One structured log line per request: method, path, status, elapsed time. No query string, headers or
/// bodies — they may carry names, phone numbers or tokens — and no client address. It runs outside the exception
/// handler, so the status it logs is the one sent (a failure inside is logged as the 500 it becomes).
/// </summary>
internal sealed class RequestLogging(RequestDelegate next, ILogger<RequestLogging> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var failed = false;
        try
        {
            await next(context);
        }
        catch (Exception)
        {
            // Nothing inside answered: the server sends a 500 for this request.
            failed = true;
            throw;
        }
        finally
        {
            // Health probes every few seconds would drown everything else.
            if (!context.Request.Path.StartsWithSegments("/healthz") && !context.Request.Path.StartsWithSegments("/readyz"))
                logger.LogInformation("HTTP {Method} {Path} answered {StatusCode} in {ElapsedMs:0.0} ms",
                    context.Request.Method, context.Request.Path.Value, failed ? StatusCodes.Status500InternalServerError : context.Response.StatusCode,
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}
