using Microsoft.AspNetCore.Http;

namespace Wuyi.Server.Apis;

/// <summary>
/// A task id from the URL. Task ids are wait ids, <c>{instanceId}/w{n}</c>, so <c>/api/tasks/{id}</c> with the
/// id as is spans two segments; a client that escapes the slash (<c>%2F</c>) reaches the same task.
/// </summary>
/// <param name="Id">The task id.</param>
public sealed record TaskRef(string Id)
{
    /// <summary>Reads the id from the route (minimal APIs call this to bind the parameter).</summary>
    public static ValueTask<TaskRef?> BindAsync(HttpContext context)
    {
        var values = context.Request.RouteValues;
        var id = values.TryGetValue("wait", out var wait)
            ? $"{values["instanceId"]}/{wait}"
            : (values["id"] as string ?? "").Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        return ValueTask.FromResult<TaskRef?>(new TaskRef(id));
    }

    /// <inheritdoc />
    public override string ToString() => Id;
}
