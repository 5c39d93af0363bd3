using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wuyi.Certification.Certifications;
using Wuyi.Certification.Persistence;
using Wuyi.Runtime.Store;
using Wuyi.Server.Tests.Apis;
using Wuyi.Testing;

namespace Wuyi.Server.Tests.Certification;

/// <summary>Lists and the registry page by the certification status in SQL (the <c>certifications</c> table), in step with every transition.</summary>
public sealed class CertificationListTests
{
    // The background projector runs once at start-up only: what these tests see, each transition wrote in its own transaction.
    private static readonly Dictionary<string, string?> NoBackgroundProjection = new() { ["Wuyi:Certification:ProjectionInterval"] = "01:00:00" };

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task List_ByStatusAndRegion_PagedAndInStepWithTimersTasksAndSignals(string kind)
    {
        await using var s = await CertificationServer.StartAsync(kind: kind, settings: NoBackgroundProjection);
        var xiuhua = await s.CertifyAsync(CertificationServer.Xiuhua);
        var xiuhai = await s.CertifyAsync(CertificationServer.Xiuhai);
        var haigang = await s.CertifyAsync(CertificationServer.Haigang);
        await s.SignalsAsync(s.Signal("cc-1", "close-contact", areaCode: CertificationServer.Haigang));
        var gaoxin = await s.ApplyAsync(CertificationServer.Gaoxin);

        var certified = await s.Client.GetJsonAsync("/api/certifications?status=certified&pageSize=1");
        Assert.Equal(2, certified.GetProperty("total").GetInt32());
        Assert.Equal([xiuhai], certified.GetProperty("items").EnumerateArray().Select(i => i.Str("id")).ToArray()); // newest first
        var second = await s.Client.GetJsonAsync("/api/certifications?status=certified&pageSize=1&page=2");
        Assert.Equal([xiuhua], second.GetProperty("items").EnumerateArray().Select(i => i.Str("id")).ToArray());
        Assert.Equal("秀华社区居民委员会", second.GetProperty("items")[0].Str("areaName"));
        var suspended = await s.Client.GetJsonAsync("/api/certifications?region=460105002&status=suspended");
        Assert.Equal([haigang], suspended.GetProperty("items").EnumerateArray().Select(i => i.Str("id")).ToArray());
        Assert.Equal(0, (await s.Client.GetJsonAsync("/api/certifications?region=460105001&status=suspended")).GetProperty("total").GetInt32());
        Assert.Equal([gaoxin], (await s.Client.GetJsonAsync("/api/certifications?status=observing")).GetProperty("items").EnumerateArray()
            .Select(i => i.Str("id")).ToArray());
        Assert.Equal(4, (await s.Client.GetJsonAsync("/api/certifications?region=4601")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await s.Client.GetJsonAsync("/api/certifications?region=4602")).GetProperty("total").GetInt32());

        // A timer (the 7 days) and a task completion move the status; the next read sees it.
        await s.AdvanceAsync("PT1M");
        await s.WaitForStatusAsync(gaoxin, "township-review");
        Assert.Equal(0, (await s.Client.GetJsonAsync("/api/certifications?status=observing")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await s.Client.GetJsonAsync("/api/certifications?status=township-review")).GetProperty("total").GetInt32());
        await s.ReviewAsync(CertificationServer.Gaoxin, "TownshipReview", "reject", "not ready");
        Assert.Equal(1, (await s.Client.GetJsonAsync("/api/certifications?status=rejected")).GetProperty("total").GetInt32());

        var registry = await s.Client.GetJsonAsync("/api/public/registry?region=4601");
        Assert.Equal(2, registry.GetProperty("certified").GetInt32());
        Assert.Equal(1, registry.GetProperty("suspended").GetInt32());
        Assert.Equal([CertificationServer.Xiuhua, CertificationServer.Xiuhai, CertificationServer.Haigang],
            registry.GetProperty("areas").EnumerateArray().Select(a => a.Str("areaCode")).ToArray());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, registry.GetProperty("areas")[2].GetProperty("suspendedSince").ValueKind);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Projection_RowsLostOrStale_RebuiltFromTheInstancesExactlyOnce(string kind)
    {
        await using var s = await CertificationServer.StartAsync(kind: kind, settings: NoBackgroundProjection);
        var suspended = await s.CertifyAsync(CertificationServer.Xiuhua);
        var certified = await s.CertifyAsync(CertificationServer.Xiuhai);
        await s.SignalsAsync(s.Signal("cc-1", "close-contact", areaCode: CertificationServer.Xiuhua));
        Assert.Equal(1, (await s.Client.GetJsonAsync("/api/certifications?status=suspended")).GetProperty("total").GetInt32());

        // Rows the transitions did not write (lost by hand, or from before the table): one gone, one at an older revision.
        // The background catch-up repairs them.
        await s.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<CertificationDbContext>();
            await db.Certifications.Where(c => c.InstanceId == suspended).ExecuteDeleteAsync();
            return await db.Certifications.Where(c => c.InstanceId == certified)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, "observing").SetProperty(c => c.Revision, 1));
        });
        Assert.Equal(0, (await s.Client.GetJsonAsync("/api/certifications?status=suspended")).GetProperty("total").GetInt32()); // reads do not repair
        Assert.Equal(2, await s.InScopeAsync(sp => sp.GetRequiredService<CertificationProjection>().CatchUpAsync(CancellationToken.None)));
        var list = await s.Client.GetJsonAsync("/api/certifications?status=suspended");
        Assert.Equal([suspended], list.GetProperty("items").EnumerateArray().Select(i => i.Str("id")).ToArray());
        Assert.Equal(1, (await s.Client.GetJsonAsync("/api/certifications?status=certified")).GetProperty("total").GetInt32());

        // Several nodes catching up at once write each row once, at the instance's revision; again changes nothing.
        await s.InScopeAsync(sp => sp.GetRequiredService<CertificationDbContext>().Certifications.ExecuteDeleteAsync());
        var changed = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => s.InScopeAsync(sp =>
            sp.GetRequiredService<CertificationProjection>().CatchUpAsync(CancellationToken.None))));
        Assert.Equal(2, changed.Sum());
        Assert.Equal(0, await s.InScopeAsync(sp => sp.GetRequiredService<CertificationProjection>().CatchUpAsync(CancellationToken.None)));
        var rows = await s.InScopeAsync(sp => sp.GetRequiredService<CertificationDbContext>().Certifications.AsNoTracking()
            .OrderBy(c => c.AreaCode).ToListAsync());
        var revisions = await s.InScopeAsync(sp => sp.GetRequiredService<RuntimeDbContext>().Instances.AsNoTracking()
            .Where(i => i.ProcessKey == "certification").ToDictionaryAsync(i => i.Id, i => i.Revision));
        Assert.Equal(["suspended", "certified"], rows.Select(r => r.Status).ToArray());
        Assert.All(rows, r => Assert.Equal(revisions[r.InstanceId], r.Revision));
    }
}
