using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wuyi.Certification.Inspections;
using Wuyi.Certification.Persistence;
using Wuyi.Server.Tests.Apis;
using Wuyi.Testing;
using static Wuyi.Server.Tests.Certification.CertificationServer;

namespace Wuyi.Server.Tests.Certification;

/// <summary>Inspections as a policy (定期和不定期、明查和暗访) and the province's cancellation (取消认定).</summary>
public sealed class InspectionPolicyTests
{
    private static readonly Dictionary<string, string> NoFindings = [];

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task ScheduledChecks_PolicySet_FirstOnDrawnDayThenModesAsDrawnAndCovertNeverAnnounced(string kind)
    {
        var draws = new ScriptedInspectionDraws(3, false, true);
        await using var s = await StartAsync(kind: kind, configure: services => services.AddSingleton<IInspectionDraws>(draws));
        var set = await s.Client.PutAsJsonAsync("/api/inspection-policy", new { interval = "P10D", covertShare = 0.5, firstCheckWithin = "P5D" });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(0.5, (await s.Client.GetJsonAsync("/api/inspection-policy")).GetProperty("covertShare").GetDouble());
        var id = await s.CertifyAsync(Xiuhua);
        var record = (await s.DetailAsync(id)).GetProperty("record");
        foreach (var secret in (string[])["spotCheckOffset", "spotCheckInterval", "spotCheckMode", "scheduledCheckMode"])
            Assert.False(record.TryGetProperty(secret, out _), $"{secret} tells the area when or how it is inspected");

        await s.AdvanceAsync("P2D");
        Assert.Empty((await s.Client.GetJsonAsync($"/api/tasks?businessKey={Xiuhua}&state=open")).GetProperty("items").EnumerateArray());
        await s.AdvanceAsync("P1D"); // the drawn third day: an open check, announced
        await s.CompleteAsync(Xiuhua, "InspectOpenly", new { criteria = AllMet(), findings = NoFindings }, "inspector-county", "inspector:460105");
        Assert.Equal(1, await NoticesAsync(s));

        await s.AdvanceAsync("P10D"); // the next, drawn covert: provincial inspectors only, and no notice of any kind
        var covert = (await s.Client.GetJsonAsync($"/api/tasks?businessKey={Xiuhua}&element=InspectCovertly&state=open")).GetProperty("items");
        Assert.Equal(["inspector:46"], Assert.Single(covert.EnumerateArray()).Strings("candidateGroups"));
        Assert.Equal(1, await NoticesAsync(s));
        Assert.Equal([0.5, 0.5], draws.SharesSeen);
        var detail = await s.DetailAsync(id); // what the area may read shows neither the running check nor the next one's time
        Assert.Equal(["Certified", "DynamicManagement"], detail.Strings("activeElements").Order());
        Assert.DoesNotContain(detail.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("elementId").GetString() is "SpotCheckDue"
            or "ScheduledCheck" or "PlanSpotCheck" or "ScheduledSpotCheck");
    }

    [Fact]
    public async Task PutInspectionPolicy_OutOfRange_400NamingTheFieldAndNothingChanged()
    {
        await using var s = await StartAsync();

        await (await s.Client.PutAsJsonAsync("/api/inspection-policy", new { interval = "P30D", covertShare = 1.5 }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "covertShare");
        await (await s.Client.PutAsJsonAsync("/api/inspection-policy", new { interval = "PT5H", covertShare = 0.3 }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "interval", "PT5H");
        await (await s.Client.PutAsJsonAsync("/api/inspection-policy", new { interval = "P30D", covertShare = 0.3, firstCheckWithin = "P0D" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "firstCheckWithin");

        var policy = await s.Client.GetJsonAsync("/api/inspection-policy");
        Assert.Equal("P30D", policy.Str("interval"));
        Assert.Equal(0.0, policy.GetProperty("covertShare").GetDouble()); // the settings' open mode
        Assert.Equal(System.Text.Json.JsonValueKind.Null, policy.GetProperty("updatedAt").ValueKind);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task FailedCheck_CountyInspector_ProvincialConfirmationThenCancelled(string kind)
    {
        await using var s = await StartAsync(kind: kind);
        var id = await s.CertifyAsync(Xiuhua);
        await s.AdvanceAsync("P30D");

        // The inspector's region is the server's word: a county inspector who claims the province's is still a county inspector.
        await s.CompleteAsync(Xiuhua, "InspectOpenly", new
        {
            criteria = AllMet(failing: "measures"), findings = new { measures = "no temperature checks" }, inspectorRegion = "46",
        }, "inspector-county", "inspector:460105");

        Assert.Equal("certified", await s.StatusAsync(id)); // the province cancels, not the county
        var confirm = (await s.Client.GetJsonAsync($"/api/tasks?businessKey={Xiuhua}&element=ConfirmCancellation&state=open")).GetProperty("items");
        Assert.Equal(["inspector:46"], Assert.Single(confirm.EnumerateArray()).Strings("candidateGroups"));
        await s.CompleteAsync(Xiuhua, "ConfirmCancellation", new { confirmed = true, remarks = "复核属实" }, "inspector", "inspector:46");
        Assert.Equal("cancelled", await s.StatusAsync(id));
        Assert.Equal("no temperature checks", (await s.VariableAsync(id, "inspectionFindings")).GetProperty("measures").GetString());
    }

    [Fact]
    public async Task FailedCheck_CountyInspectorOverruledByProvince_CertificationStands()
    {
        await using var s = await StartAsync();
        var id = await s.CertifyAsync(Xiuhua);
        await s.AdvanceAsync("P30D");
        await s.CompleteAsync(Xiuhua, "InspectOpenly", new { criteria = AllMet(failing: "measures"), findings = NoFindings },
            "inspector-county", "inspector:460105");

        await s.CompleteAsync(Xiuhua, "ConfirmCancellation", new { confirmed = false, remarks = "已当场整改" }, "inspector", "inspector:46");

        Assert.Equal("certified", await s.StatusAsync(id));
        Assert.True((await s.VariableAsync(id, "inspectionPassed")).GetBoolean());
        Assert.Single(await s.RegistryAsync());
    }

    [Fact]
    public async Task FailedCheck_ProvincialInspector_CancelledAtOnce()
    {
        await using var s = await StartAsync();
        var id = await s.CertifyAsync(Xiuhua);
        await s.AdvanceAsync("P30D");

        await s.CompleteAsync(Xiuhua, "InspectOpenly", new { criteria = AllMet(failing: "measures"), findings = NoFindings }, "inspector", "inspector:46");

        Assert.Equal("cancelled", await s.StatusAsync(id));
        Assert.Equal(0, (await s.Client.GetJsonAsync($"/api/tasks?businessKey={Xiuhua}&element=ConfirmCancellation")).GetProperty("total").GetInt32());
    }

    private static Task<int> NoticesAsync(CertificationServer s) =>
        s.InScopeAsync(sp => sp.GetRequiredService<CertificationDbContext>().AreaNotices
            .CountAsync(n => n.AreaCode == Xiuhua && n.Kind == "spot-check-notice"));
}
