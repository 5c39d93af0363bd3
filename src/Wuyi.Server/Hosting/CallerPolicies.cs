using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Wuyi.People.Access;

namespace Wuyi.Server.Hosting;

/// <summary>The authorization policies: who may reach an endpoint at all. Which records they then see or act on is
/// decided per record (see <c>Apis/Jurisdiction</c>).</summary>
internal static class CallerPolicies
{
    /// <summary>A signed-in person (no API key) who has chosen their own password. Every endpoint not marked otherwise
    /// takes a person or, for reads, an API key issued for <c>read</c>.</summary>
    public const string Person = "person";

    /// <summary>An administrator of some region.</summary>
    public const string Administrator = "administrator";

    /// <summary>A health operator, or an API key issued for <c>health-operator</c>.</summary>
    public const string Signals = "signals";

    /// <summary>An administrator, or an API key issued for <c>messages</c>.</summary>
    public const string Messages = "messages";

    /// <summary>Anyone signed in, even with a one-time password still to change (the auth endpoints).</summary>
    public const string SignedIn = "signed-in";

    public static void Add(AuthorizationOptions options)
    {
        // An API key reaches only what it was issued for: reads with a "read" key, signals, messages.
        options.DefaultPolicy = Policy(c => Refuse(c, c.Caller.ApiKey is not null
            && !(c.Caller.Grants.Any(g => g.Role == "read") && HttpMethods.IsGet(c.Http.Request.Method)), "an API key may only do what it was issued for."));
        options.FallbackPolicy = options.DefaultPolicy;
        options.AddPolicy(Person, Policy(c => Refuse(c, c.Caller.ApiKey is not null, "this needs a person, not an API key.")));
        options.AddPolicy(SignedIn, Policy(c => true));
        options.AddPolicy(Administrator, Policy(c => Refuse(c, !c.Caller.IsAdministrator, "administrators only.")));
        options.AddPolicy(Signals, Policy(c => Refuse(c, !c.Caller.Grants.Any(g => g.Role == Roles.HealthOperator),
            "signals are sent by a health operator or an API key issued for health-operator.")));
        options.AddPolicy(Messages, Policy(c => Refuse(c, !(c.Caller.IsAdministrator || (c.Caller.ApiKey is not null && c.Caller.Grants.Any(g => g.Role == "messages"))),
            "messages and broadcasts are sent by administrators or an API key issued for messages.")));
    }

    private static AuthorizationPolicy Policy(Func<(Caller Caller, HttpContext Http), bool> allowed) =>
        new AuthorizationPolicyBuilder(CallerAuthentication.SchemeName).RequireAuthenticatedUser().RequireAssertion(context =>
        {
            var http = context.Resource as HttpContext;
            if (http is null || CallerAuthentication.CallerOf(http) is not { } caller)
                return false;
            if (caller.MustChangePassword && !http.Request.Path.StartsWithSegments("/api/auth"))
            {
                http.Items["wuyi.forbidden"] = "you signed in with a one-time password: choose your own first (POST /api/auth/password).";
                return false;
            }
            return allowed((caller, http));
        }).Build();

    private static bool Refuse((Caller Caller, HttpContext Http) c, bool refused, string why)
    {
        if (refused)
            c.Http.Items["wuyi.forbidden"] = why;
        return !refused;
    }
}
