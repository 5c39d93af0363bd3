using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wuyi.People.Access;
using Wuyi.People.ApiKeys;
using Wuyi.People.Tokens;

namespace Wuyi.Server.Hosting;

/// <summary>
/// One scheme for the three ways to call: <c>X-Api-Key</c> (machines), <c>Authorization: Bearer</c> (scripts) and the
/// sign-in cookie (the console) — the cookie and the bearer token are the same signed token, so any node accepts what
/// any other issued. No login page: an anonymous call is a 401 problem, a forbidden one a 403 problem.
/// </summary>
internal sealed class CallerAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    SessionTokens tokens) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "wuyi";
    public const string ApiKeyHeader = "X-Api-Key";
    public const string Cookie = "wuyi-session";

    /// <summary>The caller of a request, once authenticated.</summary>
    public static Caller? CallerOf(HttpContext context) => context.Items[typeof(Caller)] as Caller;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        Caller? caller;
        if (Request.Headers[ApiKeyHeader].ToString() is { Length: > 0 } key)
        {
            caller = await Context.RequestServices.GetRequiredService<ApiKeyIssuer>().ReadAsync(key, Context.RequestAborted);
            if (caller is null)
                return AuthenticateResult.Fail("The API key is unknown or revoked.");
        }
        else if (Request.Headers.Authorization.ToString() is { Length: > 7 } header && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            caller = await tokens.ReadAsync(header[7..].Trim(), Context.RequestAborted);
            if (caller is null)
                return AuthenticateResult.Fail("The bearer token is invalid or expired.");
        }
        else if (Request.Cookies[Cookie] is { Length: > 0 } cookie)
        {
            caller = await tokens.ReadAsync(cookie, Context.RequestAborted);
            if (caller is null)
                return AuthenticateResult.Fail("The session has expired.");
        }
        else
            return AuthenticateResult.NoResult();
        Context.Items[typeof(Caller)] = caller;
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, caller.ActorName)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        WriteAsync(StatusCodes.Status401Unauthorized, "Sign in first",
            "Sign in: POST /api/auth/sign-in (cookie) or /api/auth/token (bearer), or send an API key as X-Api-Key.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteAsync(StatusCodes.Status403Forbidden, "Forbidden", "Your roles do not allow this: " + Forbidden(Context));

    /// <summary>Why a request was refused, when the refusing policy said (see <see cref="CallerPolicies"/>).</summary>
    internal static string Forbidden(HttpContext context) => context.Items["wuyi.forbidden"] as string ?? "this needs another role.";

    private Task WriteAsync(int status, string title, string detail)
    {
        Response.StatusCode = status;
        return Results.Problem(detail, statusCode: status, title: title).ExecuteAsync(Context);
    }
}
