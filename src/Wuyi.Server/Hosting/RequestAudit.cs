using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Wuyi.People.Audit;
using Wuyi.Server.Apis;

namespace Wuyi.Server.Hosting;

/// <summary>
/// Records every change made through the API (a successful request that is not a read) in the audit trail: one place,
/// so no endpoint can forget. The cost is one insert per change, after the change itself committed.
/// </summary>
internal sealed class RequestAudit(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || context.Response.StatusCode >= 400
            || CallerAuthentication.CallerOf(context) is not { } caller || !context.Request.Path.StartsWithSegments("/api"))
            return;
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value ?? "";
        await context.RequestServices.GetRequiredService<AuditLog>().WriteAsync(new AuditRecord
        {
            At = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(),
            UserName = caller.UserName,
            ApiKey = caller.ApiKey,
            Action = $"{context.Request.Method} {route}",
            Target = context.Request.Path.Value ?? "",
            RegionCode = context.Items[Jurisdiction.Region] as string,
            AsAdministrator = context.Items[Jurisdiction.AsAdministrator] is true,
            Status = context.Response.StatusCode,
            Detail = context.Items["wuyi.audit-detail"] as string,
        }, CancellationToken.None);
    }
}
