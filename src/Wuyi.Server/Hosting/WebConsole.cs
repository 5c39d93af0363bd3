using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Wuyi.Server.Apis;

namespace Wuyi.Server.Hosting;

/// <summary>
/// Serves the web console (src/Wuyi.Console, built into wwwroot/) at <c>/</c>: its files, and its index.html for any
/// other GET of a path outside <c>/api</c>, so a bookmarked page such as <c>/registry/460105001001</c> loads the console.
/// </summary>
public static class WebConsole
{
    /// <summary>Serves the console's files, before sign-in is asked for: the sign-in page and its scripts are for
    /// everyone (the API behind them checks the caller).</summary>
    public static WebApplication UseWebConsoleFiles(this WebApplication app)
    {
        app.UsePrecompressedAssets(app.Environment.WebRootFileProvider);
        app.UseStaticFiles(new StaticFileOptions
        {
            ContentTypeProvider = PrecompressedAssets.ContentTypes,
            OnPrepareResponse = context =>
            {
                // Vite names every asset by its content hash: cache them for good, never index.html.
                var immutable = context.Context.Request.Path.StartsWithSegments("/assets");
                context.Context.Response.Headers[HeaderNames.CacheControl] = immutable
                    ? new StringValues("public, max-age=31536000, immutable")
                    : new StringValues("no-cache");
            },
        });
        return app;
    }

    /// <summary>Maps the single-page fallback, open to anonymous visitors. It answers GET and HEAD only and never under
    /// <c>/api</c>, so an unknown API path stays a 404 problem and a wrong method a 405.</summary>
    public static WebApplication MapWebConsole(this WebApplication app)
    {
        var index = Path.Combine(app.Environment.WebRootPath ?? Path.Combine(AppContext.BaseDirectory, "wwwroot"), "index.html");
        app.MapMethods("/{**path:nonfile}", [HttpMethods.Get, HttpMethods.Head], (HttpContext context) =>
            {
                // The server's own paths are never the console's page (/metrics is there only when switched on).
                if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/metrics"))
                    return ApiProblems.NotFound($"There is no API at '{context.Request.Path}'; see /openapi/v1.json.");
                if (!File.Exists(index))
                    return Results.NotFound();
                context.Response.Headers[HeaderNames.CacheControl] = "no-cache";
                return Results.File(index, "text/html; charset=utf-8");
            })
            .AllowAnonymous()
            .ExcludeFromDescription()
            .Add(endpoint => ((RouteEndpointBuilder)endpoint).Order = int.MaxValue);
        return app;
    }
}
