using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Wuyi.Server.Hosting;

/// <summary>
/// Sends the console's built files compressed: the build writes a brotli (<c>.br</c>) and a gzip (<c>.gz</c>) copy
/// beside each script and style sheet under <c>/assets</c>, and a browser that accepts one gets that copy with its
/// Content-Encoding. Compressed once at build time, at the best ratio, instead of on every request.
/// </summary>
public static class PrecompressedAssets
{
    // Preferred first: brotli is about a fifth smaller than gzip on these scripts.
    private static readonly (string Encoding, string Extension)[] Encodings = [("br", ".br"), ("gzip", ".gz")];

    /// <summary>Points a request for <c>/assets/x.js</c> at <c>/assets/x.js.br</c> (or <c>.gz</c>) when the browser
    /// takes that encoding and the copy exists; the static file middleware after it sends the copy.</summary>
    public static WebApplication UsePrecompressedAssets(this WebApplication app, IFileProvider files)
    {
        app.Use((context, next) =>
        {
            var request = context.Request;
            if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && request.Path.StartsWithSegments("/assets"))
            {
                // A shared cache must keep the copies apart: the answer depends on Accept-Encoding.
                context.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
                var accepted = request.GetTypedHeaders().AcceptEncoding;
                foreach (var (encoding, extension) in Encodings)
                {
                    if (!accepted.Any(a => a.Value.Equals(encoding, StringComparison.OrdinalIgnoreCase) && (a.Quality ?? 1) > 0))
                        continue;
                    var copy = request.Path.Value + extension;
                    if (!files.GetFileInfo(copy).Exists)
                        continue;
                    request.Path = copy;
                    context.Response.Headers[HeaderNames.ContentEncoding] = encoding;
                    break;
                }
            }
            return next(context);
        });
        return app;
    }

    /// <summary>Content types by the name without the compression extension, so <c>x.js.br</c> goes out as a script.</summary>
    public static IContentTypeProvider ContentTypes { get; } = new UnderlyingContentTypes();

    private sealed class UnderlyingContentTypes : IContentTypeProvider
    {
        private readonly FileExtensionContentTypeProvider known = new();

        public bool TryGetContentType(string subpath, out string contentType)
        {
            foreach (var (_, extension) in Encodings)
            {
                if (subpath.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
                    return known.TryGetContentType(subpath[..^extension.Length], out contentType!);
            }
            return known.TryGetContentType(subpath, out contentType!);
        }
    }
}
