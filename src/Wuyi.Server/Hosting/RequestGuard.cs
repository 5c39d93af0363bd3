using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using Wuyi.Runtime.Limits;

namespace Wuyi.Server.Hosting;

/// <summary>
/// Refuses, before any endpoint runs, what no endpoint can store or read back: a body over the size limit (also
/// when sent chunked, which carries no length to check up front), query values and keys longer than the columns
/// hold, a NUL character (PostgreSQL text cannot hold one), a lone UTF-16 surrogate, JSON nested deeper than the
/// limit, and a multipart form that cannot be parsed. Each refusal is a 400 or 413 problem that names the field,
/// what was expected, what came, and the limit's setting.
/// </summary>
internal sealed class RequestGuard(RequestDelegate next, IOptions<InputLimits> options, IProblemDetailsService problems)
{
    /// <summary>Where the checked JSON body is kept, so that a later binding failure can say what was sent.</summary>
    public const string BodyItem = "wuyi.request-body";

    /// <summary>Where the type the endpoint reads its body as is kept (the exception handler runs without the endpoint).</summary>
    public const string AcceptedItem = "wuyi.accepted-type";

    private readonly InputLimits limits = options.Value;

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType is { } accepted)
            context.Items[AcceptedItem] = accepted;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = limits.MaxRequestBodyBytes;
        var refusal = CheckQuery(context.Request) ?? CheckRoute(context.Request) ?? CheckHeaders(context.Request)
            ?? await CheckBodyAsync(context);
        if (refusal is null)
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = refusal.Status;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = refusal.ToProblemDetails() });
    }

    private InputRefusal? CheckQuery(HttpRequest request)
    {
        foreach (var (name, values) in request.Query)
            foreach (var value in values)
                if (InputText.Check($"query parameter {name}", value ?? "", limits.MaxKeyLength) is { } refusal)
                    return refusal;
        return null;
    }

    // Ids in the path may be longer than a key (a task id is an instance id and an element id), so only their
    // characters are checked; the URL's own length limit bounds them.
    private static InputRefusal? CheckRoute(HttpRequest request)
    {
        foreach (var (name, value) in request.RouteValues)
            if (value is string text && InputText.Check($"path segment {{{name}}}", text, maxLength: null) is { } refusal)
                return refusal;
        return null;
    }

    private InputRefusal? CheckHeaders(HttpRequest request)
    {
        foreach (var name in InputText.KeyHeaders)
            if (request.Headers.TryGetValue(name, out var values))
                foreach (var value in values)
                    if (InputText.Check($"header {name}", value ?? "", limits.MaxKeyLength) is { } refusal)
                        return refusal;
        return null;
    }

    private async Task<InputRefusal?> CheckBodyAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.HasFormContentType)
            return await CheckFormAsync(request, context.RequestAborted);
        if (!request.HasJsonContentType())
            return null;
        byte[] body;
        try
        {
            body = await ReadAllAsync(request.Body, context.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return InputRefusal.TooLarge(limits.MaxRequestBodyBytes);
        }
        request.Body = new MemoryStream(body, writable: false);
        context.Items[BodyItem] = body;
        return body.Length == 0 ? null : JsonBodyCheck.Check(body, limits);
    }

    // A malformed multipart body (a missing boundary, a truncated part) fails inside the form reader; read it here,
    // where the failure can be named, and the endpoint gets the parsed form from the request's cache.
    private async Task<InputRefusal?> CheckFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await request.ReadFormAsync(cancellationToken);
            return null;
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return InputRefusal.TooLarge(limits.MaxRequestBodyBytes);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return new InputRefusal(StatusCodes.Status400BadRequest, "body",
                "a multipart/form-data body with a boundary and complete parts", "a form that cannot be parsed",
                $"The multipart form cannot be read: {e.Message}", null);
        }
    }

    private static async Task<byte[]> ReadAllAsync(Stream body, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        await body.CopyToAsync(copy, cancellationToken);
        return copy.ToArray();
    }
}
