using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Wuyi.Certification.Persistence;
using Wuyi.People.Access;
using Wuyi.People.Tokens;
using Wuyi.People.Users;
using Wuyi.Server.Apis.Contracts;
using Wuyi.Server.Hosting;

namespace Wuyi.Server.Apis;

/// <summary>Sign-in: a cookie for the console, a bearer token for scripts; who I am; changing my password.</summary>
public static class AuthApi
{
    /// <summary>Maps <c>/api/auth</c>.</summary>
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/auth").WithTags("Sign-in");
        api.MapPost("/token", TokenAsync).AllowAnonymous().WithSummary("A bearer token for a user name and password");
        api.MapPost("/sign-in", SignInAsync).AllowAnonymous()
            .WithSummary("Sign in: sets an HttpOnly, SameSite=Strict session cookie; 401 for bad credentials or a lock-out (saying until when)");
        api.MapPost("/sign-out", SignOut).AllowAnonymous().WithSummary("Sign out: clears the session cookie");
        api.MapGet("/me", MeAsync).RequireAuthorization(CallerPolicies.SignedIn).WithSummary("Who is signed in");
        api.MapPost("/password", ChangePasswordAsync).RequireAuthorization(CallerPolicies.SignedIn)
            .WithSummary("Change my password (required after signing in with a one-time password)");
        api.MapGet("/mail", MailAsync).RequireAuthorization(CallerPolicies.SignedIn).WithSummary("The kinds of mail I receive and those I turned off");
        api.MapPut("/mail", SetMailAsync).RequireAuthorization(CallerPolicies.SignedIn)
            .WithSummary("Turn kinds of mail off (and the others on): {muted: [kind…]}");
        return app;
    }

    internal static async Task<Results<Ok<TokenView>, ProblemHttpResult>> TokenAsync(SignInBody body, UserDirectory users, SessionTokens tokens,
        CancellationToken cancellationToken)
    {
        var (caller, problem) = await CheckAsync(body, users);
        if (caller is null)
            return problem!;
        var (token, expiresIn) = await tokens.IssueAsync(caller, cancellationToken);
        return TypedResults.Ok(new TokenView(token, expiresIn));
    }

    internal static async Task<Results<Ok<UserView>, ProblemHttpResult>> SignInAsync(SignInBody body, UserDirectory users, SessionTokens tokens,
        CertificationDbContext regions, HttpContext http, CancellationToken cancellationToken)
    {
        var (caller, problem) = await CheckAsync(body, users);
        if (caller is null)
            return problem!;
        var (token, expiresIn) = await tokens.IssueAsync(caller, cancellationToken);
        SetSessionCookie(http, token, expiresIn);
        return TypedResults.Ok((await ViewAsync(caller.UserName, users, regions, cancellationToken))!);
    }

    internal static NoContent SignOut(HttpContext http)
    {
        http.Response.Cookies.Delete(CallerAuthentication.Cookie, new CookieOptions { Path = "/", SameSite = SameSiteMode.Strict, HttpOnly = true });
        return TypedResults.NoContent();
    }

    internal static async Task<Results<Ok<UserView>, ProblemHttpResult>> MeAsync(RequestActor actor, UserDirectory users,
        CertificationDbContext regions, CancellationToken cancellationToken)
    {
        var caller = actor.Caller!;
        if (caller.ApiKey is not null)
            return TypedResults.Ok(new UserView(caller.ActorName, caller.ApiKey, null,
                [.. caller.Grants.Select(g => new RoleView(g.Role, g.Region, null))], false));
        return await ViewAsync(caller.UserName, users, regions, cancellationToken) is { } view
            ? TypedResults.Ok(view)
            : TypedResults.Problem($"The user '{caller.UserName}' no longer exists.", statusCode: StatusCodes.Status401Unauthorized, title: "Sign in first");
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> ChangePasswordAsync(ChangePasswordBody body, RequestActor actor,
        UserDirectory users, SessionTokens tokens, HttpContext http, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(body.CurrentPassword) || string.IsNullOrEmpty(body.NewPassword))
            return ApiProblems.BadRequest("currentPassword and newPassword are required.");
        if (actor.Caller!.ApiKey is not null)
            return ApiProblems.BadRequest("an API key has no password.");
        var errors = await users.ChangePasswordAsync(actor.Caller.UserName, body.CurrentPassword, body.NewPassword);
        if (errors.Count > 0)
            return ApiProblems.BadRequest($"newPassword: {string.Join(" ", errors)}",
                new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["newPassword"] = [.. errors] } });
        // The cookie carried "must change password": replace it with one that does not.
        if (http.Request.Cookies.ContainsKey(CallerAuthentication.Cookie) && await users.CallerAsync(actor.Caller.UserName, cancellationToken) is { } fresh)
        {
            var (token, expiresIn) = await tokens.IssueAsync(fresh, cancellationToken);
            SetSessionCookie(http, token, expiresIn);
        }
        return TypedResults.NoContent();
    }

    internal static async Task<Results<Ok<MailPreferencesView>, ProblemHttpResult>> MailAsync(RequestActor actor, UserDirectory users,
        CancellationToken cancellationToken)
    {
        if (actor.Caller!.ApiKey is not null || await users.FindAsync(actor.Caller.UserName, cancellationToken) is not { } user)
            return ApiProblems.BadRequest("only a signed-in user receives mail; an API key has no mail preferences.");
        return TypedResults.Ok(new MailPreferencesView(Wuyi.People.Mail.MailKinds.All,
            [.. user.MutedMailKinds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]));
    }

    internal static async Task<Results<Ok<MailPreferencesView>, ProblemHttpResult>> SetMailAsync(MailPreferencesBody body, RequestActor actor,
        UserDirectory users, CancellationToken cancellationToken)
    {
        var muted = body.Muted ?? [];
        if (muted.FirstOrDefault(k => !Wuyi.People.Mail.MailKinds.All.Contains(k)) is { } unknown)
            return ApiProblems.BadRequest($"muted: '{unknown}' is not a kind of mail; the kinds are {string.Join(", ", Wuyi.People.Mail.MailKinds.All)}.");
        if (actor.Caller!.ApiKey is not null || !await users.SetMutedMailKindsAsync(actor.Caller.UserName, muted, cancellationToken))
            return ApiProblems.BadRequest("only a signed-in user receives mail; an API key has no mail preferences.");
        return await MailAsync(actor, users, cancellationToken);
    }

    private static void SetSessionCookie(HttpContext http, string token, int expiresIn) =>
        http.Response.Cookies.Append(CallerAuthentication.Cookie, token, new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps, Path = "/", MaxAge = TimeSpan.FromSeconds(expiresIn),
        });

    private static async Task<(Caller? Caller, ProblemHttpResult? Problem)> CheckAsync(SignInBody body, UserDirectory users)
    {
        if (string.IsNullOrWhiteSpace(body.UserName) || string.IsNullOrEmpty(body.Password))
            return (null, ApiProblems.BadRequest("userName and password are required."));
        var outcome = await users.SignInAsync(body.UserName, body.Password);
        if (outcome.Caller is not null)
            return (outcome.Caller, null);
        var detail = outcome.LockedUntil is { } until
            ? $"The account '{body.UserName}' is locked after repeated failed sign-ins until {until:O}."
            : "The user name or password is wrong.";
        return (null, TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed",
            extensions: outcome.LockedUntil is { } u ? new Dictionary<string, object?> { ["lockedUntil"] = u } : null));
    }

    private static async Task<UserView?> ViewAsync(string userName, UserDirectory users, CertificationDbContext regions, CancellationToken cancellationToken)
    {
        if (await users.FindAsync(userName, cancellationToken) is not { } user)
            return null;
        var codes = user.Grants.Select(g => g.RegionCode).Distinct().ToList();
        var names = await regions.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);
        return new UserView(user.UserName!, user.DisplayName, user.Email,
            [.. user.Grants.OrderBy(g => g.Role).ThenBy(g => g.RegionCode).Select(g => new RoleView(g.Role, g.RegionCode, names.GetValueOrDefault(g.RegionCode)))],
            user.MustChangePassword);
    }
}
