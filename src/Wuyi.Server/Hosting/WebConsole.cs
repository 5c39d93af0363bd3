using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Wuyi.Server.Hosting;

/// <summary>
/// Serves the web console (src/Wuyi.Console, built into wwwroot/) at <c>/</c>: its files, and its index.html for any
/// other path that is not the API's, so a bookmarked page such as <c>/registry/460105001001</c> loads the console.
/// </summary>
public static class WebConsole
{
    /// <summary>Maps the console's static files and the single-page fallback; unknown <c>/api</c> paths stay 404 problems.</summary>
    public static WebApplication MapWebConsole(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            OnPrepareResponse = context =>
            {
                // Vite names every asset by its content hash: cache them for good, never index.html.
                var immutable = context.Context.Request.Path.StartsWithSegments("/assets");
                context.Context.Response.Headers[HeaderNames.CacheControl] = immutable
                    ? new StringValues("public, max-age=31536000, immutable")
                    : new StringValues("no-cache");
            },
        });
        // Not for /api: a fallback there would also win over an API endpoint that refused the request's content type
        // (routing drops such an endpoint from the candidates), turning a 400/415 into a 404. Unknown /api paths get the
        // 404 problem of the status-code pages.
        app.MapFallbackToFile("{*path:regex(^(?!api(/|$)).*$)}", "index.html", new StaticFileOptions
        {
            OnPrepareResponse = context => context.Context.Response.Headers[HeaderNames.CacheControl] = "no-cache",
        });
        return app;
    }
}
