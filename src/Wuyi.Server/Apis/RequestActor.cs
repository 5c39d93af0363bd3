using Microsoft.AspNetCore.Http;
using Wuyi.People.Access;
using Wuyi.Server.Hosting;

namespace Wuyi.Server.Apis;

/// <summary>
/// Who is calling: the signed-in user (or <c>api-key:NAME</c> for a machine), as the history records them. Handlers take
/// it as a parameter, so tests can pass one directly. No request header names the caller any more.
/// </summary>
/// <param name="Name">The name recorded in the history.</param>
/// <param name="Caller">The caller's roles and jurisdiction; null only on the open endpoints.</param>
public sealed record RequestActor(string Name, Caller? Caller = null)
{
    /// <summary>The name of a caller nobody signed in as (only the open endpoints see it).</summary>
    public const string Anonymous = "anonymous";

    /// <summary>Reads the caller from the request (minimal APIs call this to bind the parameter).</summary>
    public static ValueTask<RequestActor?> BindAsync(HttpContext context) =>
        ValueTask.FromResult<RequestActor?>(CallerAuthentication.CallerOf(context) is { } caller
            ? new RequestActor(caller.ActorName, caller)
            : new RequestActor(Anonymous));

    /// <inheritdoc />
    public override string ToString() => Name;
}
