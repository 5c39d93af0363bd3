using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wuyi.Certification.Certifications;
using Wuyi.Certification.Epidemic;
using Wuyi.Certification.Persistence;
using Wuyi.Expressions;
using Wuyi.Runtime.Outbox;

namespace Wuyi.Certification.Handlers;

/// <summary>Topic <c>publish-result</c>: records the publication (once per call) and returns the area's open close
/// contacts and risk zone now, so a contact or zone change signalled before certification still counts.</summary>
internal sealed class PublishResultHandler(IServiceScopeFactory scopes, TimeProvider clock) : IServiceTaskHandler
{
    public string Name => "publish-result";

    public async Task<ServiceResult> HandleAsync(ServiceCall call, CancellationToken cancellationToken)
    {
        var areaCode = call.Variables.TryGetValue("areaCode", out var a) && a is string code ? code : "";
        var areaName = call.Variables.TryGetValue("areaName", out var n) && n is string name ? name : areaCode;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CertificationDbContext>();
        var notice = await db.AreaNotices.AsNoTracking().SingleOrDefaultAsync(x => x.WaitId == call.WaitId, cancellationToken);
        if (notice is null)
        {
            notice = new AreaNotice
            {
                WaitId = call.WaitId, Kind = "publication", AreaCode = areaCode, InstanceId = call.InstanceId, At = clock.GetUtcNow(),
                Text = $"{areaName} ({areaCode}) is certified epidemic-free (无疫村/社区/小区).",
            };
            db.AreaNotices.Add(notice);
            await db.SaveChangesAsync(cancellationToken);
        }
        var epidemic = scope.ServiceProvider.GetRequiredService<EpidemicStatus>();
        var open = await epidemic.OpenContactsAsync(areaCode, cancellationToken);
        var zone = await epidemic.RiskZoneAsync(areaCode, cancellationToken);
        return ServiceResult.Completed(new Dictionary<string, object?>
        {
            ["publishedAt"] = IsoDate.ToText(notice.At), ["openCloseContacts"] = open.Count, ["inHighRiskZone"] = zone == RiskZones.High,
        });
    }
}
