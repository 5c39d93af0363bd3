using Microsoft.AspNetCore.Http;

namespace Wuyi.Server.Apis;

/// <summary>
/// Who is calling. Until sign-in exists this is the <c>X-Wuyi-User</c> request header (default
/// <c>anonymous</c>); the sign-in issue replaces <see cref="BindAsync"/> with the user's claims and nothing
/// else changes. Handlers take it as a parameter, so tests can pass one directly.
/// </summary>
/// <param name="Name">The user name recorded in the history.</param>
public sealed record RequestActor(string Name)
{
    /// <summary>The header that names the caller until sign-in exists.</summary>
    public const string Header = "X-Wuyi-User";

    /// <summary>The name used when the request names nobody.</summary>
    public const string Anonymous = "anonymous";

    /// <summary>Reads the caller from the request (minimal APIs call this to bind the parameter).</summary>
    public static ValueTask<RequestActor?> BindAsync(HttpContext context)
    {
        var name = context.Request.Headers[Header].ToString().Trim();
        // "system:" names the runtime's own actors (timers, handlers); a caller must not pose as one.
        if (name.Length == 0 || name.StartsWith("system:", StringComparison.OrdinalIgnoreCase) || name.Length > 200)
            name = Anonymous;
        return ValueTask.FromResult<RequestActor?>(new RequestActor(name));
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
