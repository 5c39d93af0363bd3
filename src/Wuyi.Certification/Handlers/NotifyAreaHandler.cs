using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wuyi.Certification.Certifications;
using Wuyi.Certification.Persistence;
using Wuyi.Expressions;
using Wuyi.Runtime.Outbox;

namespace Wuyi.Certification.Handlers;

/// <summary>Topic <c>notify-area</c> (open spot-checks only): records the notice to the area; email comes with sign-in.</summary>
internal sealed class NotifyAreaHandler(IServiceScopeFactory scopes, TimeProvider clock) : IServiceTaskHandler
{
    public string Name => "notify-area";

    public async Task<ServiceResult> HandleAsync(ServiceCall call, CancellationToken cancellationToken)
    {
        var areaCode = call.Variables.TryGetValue("areaCode", out var a) && a is string code ? code : "";
        var areaName = call.Variables.TryGetValue("areaName", out var n) && n is string name ? name : areaCode;
        var due = call.Variables.TryGetValue("inspectionDueAt", out var d) && d is string dueAt ? dueAt : "within 7 days";
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertificationDbContext>();
        var notice = await db.AreaNotices.AsNoTracking().SingleOrDefaultAsync(x => x.WaitId == call.WaitId, cancellationToken);
        if (notice is null)
        {
            notice = new AreaNotice
            {
                WaitId = call.WaitId, Kind = "spot-check-notice", AreaCode = areaCode, InstanceId = call.InstanceId, At = clock.GetUtcNow(),
                Text = $"{areaName} ({areaCode}): an open spot-check (明查) will take place, due {due}.",
            };
            db.AreaNotices.Add(notice);
            await db.SaveChangesAsync(cancellationToken);
        }
        return ServiceResult.Completed(new Dictionary<string, object?> { ["notifiedAt"] = IsoDate.ToText(notice.At) });
    }
}
