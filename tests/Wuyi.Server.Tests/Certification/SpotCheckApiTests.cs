using Wuyi.Server.Tests.Apis;
using Wuyi.Testing;

namespace Wuyi.Server.Tests.Certification;

public sealed class SpotCheckApiTests
{
    private static readonly Dictionary<string, string> NoFindings = [];

    [Fact]
    public async Task SpotCheck_Passed_StaysCertified()
    {
        await using var s = await CertificationServer.StartAsync();
        var id = await s.CertifyAsync(CertificationServer.Xiuhua);
        await s.AdvanceAsync("P30D");
        await s.CompleteAsync(CertificationServer.Xiuhua, "InspectOpenly",
            new { criteria = CertificationServer.AllMet(), findings = NoFindings }, "inspector");
        Assert.Equal("certified", await s.StatusAsync(id));
        Assert.True((await s.VariableAsync(id, "inspectionPassed")).GetBoolean());
        Assert.Single(await s.RegistryAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task SpotCheck_Failed_CancelledRectifiedThenNewApplication(string kind)
    {
        await using var s = await CertificationServer.StartAsync(kind: kind);
        var id = await s.CertifyAsync(CertificationServer.Xiuhua);
        await s.AdvanceAsync("P30D");
        await s.CompleteAsync(CertificationServer.Xiuhua, "InspectOpenly",
            new
            {
                criteria = CertificationServer.AllMet(failing: "environment"), findings = new { environment = "rubbish in the lanes" },
            }, "inspector", "inspector:46");
        Assert.Equal("cancelled", await s.StatusAsync(id));
        Assert.Equal("rubbish in the lanes", (await s.VariableAsync(id, "inspectionFindings")).GetProperty("environment").GetString());
        Assert.Empty(await s.RegistryAsync());
        Assert.Equal(1, (await s.Client.GetJsonAsync("/api/certifications?status=cancelled")).GetProperty("total").GetInt32());
        await (await s.ApplyRawAsync(CertificationServer.Xiuhua)).AssertProblemAsync(System.Net.HttpStatusCode.Conflict, "live certification");

        await s.CompleteAsync(CertificationServer.Xiuhua, "PlanRectification", new { plan = "clean the lanes weekly" }, "centre");
        await s.CompleteAsync(CertificationServer.Xiuhua, "SuperviseRectification", new { progress = "done" }, "centre");
        await s.CompleteAsync(CertificationServer.Xiuhua, "VerifyCivilAffairs", new { verified = true, remarks = "ok" }, "civil");
        await s.CompleteAsync(CertificationServer.Xiuhua, "VerifyHealth", new { verified = true, remarks = "ok" }, "health");
        var detail = await s.DetailAsync(id);
        Assert.Equal("done", detail.GetProperty("record").Str("rectification"));
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, detail.GetProperty("summary").GetProperty("endedAt").ValueKind);

        var next = await s.ApplyAsync(CertificationServer.Xiuhua);
        Assert.NotEqual(id, next);
    }

    [Fact]
    public async Task InspectionResultSignal_Failed_Cancels()
    {
        await using var s = await CertificationServer.StartAsync();
        var id = await s.CertifyAsync(CertificationServer.Xiuhua);
        await s.SignalsAsync(s.Signal("insp-1", "inspection-result", areaCode: CertificationServer.Xiuhua, passed: false));
        Assert.Equal("cancelled", await s.StatusAsync(id));
        Assert.Empty(await s.RegistryAsync());
    }

    [Fact]
    public async Task SpotCheck_Covert_OnlyProvincialInspectorsAndPassed()
    {
        await using var s = await CertificationServer.StartAsync(spotCheckMode: "covert");
        var id = await s.CertifyAsync(CertificationServer.Xiuhua);
        await s.AdvanceAsync("P30D");
        await s.CompleteAsync(CertificationServer.Xiuhua, "InspectCovertly",
            new { criteria = CertificationServer.AllMet(), findings = NoFindings }, "inspector");
        var tasks = await s.Client.GetJsonAsync($"/api/tasks?businessKey={CertificationServer.Xiuhua}&element=InspectCovertly");
        Assert.Equal(["inspector:46"], tasks.GetProperty("items")[0].Strings("candidateGroups"));
        Assert.Equal(0, (await s.Client.GetJsonAsync($"/api/tasks?businessKey={CertificationServer.Xiuhua}&element=InspectOpenly"))
            .GetProperty("total").GetInt32());
        Assert.True((await s.VariableAsync(id, "inspectionPassed")).GetBoolean());
    }

    [Fact]
    public async Task RequestSpotCheck_Certified_CovertChildStartedAndSameKeyIsOneCheck()
    {
        await using var s = await CertificationServer.StartAsync();
        var id = await s.CertifyAsync(CertificationServer.Xiuhua);

        var first = await s.Client.PostAsync($"/api/certifications/{id}/spot-checks", new { mode = "covert" }, user: "admin",
            idempotencyKey: "click-1");
        var again = await s.Client.PostAsync($"/api/certifications/{id}/spot-checks", new { mode = "covert" }, user: "admin",
            idempotencyKey: "click-1");

        Assert.Equal(System.Net.HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, again.StatusCode);
        var children = await (await s.Client.GetAsync($"/api/instances?processKey=spot-check&parentId={id}")).JsonAsync();
        Assert.Equal(1, children.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task RequestSpotCheck_BadModeOrNotCertified_Problem()
    {
        await using var s = await CertificationServer.StartAsync();
        var id = await s.ApplyAsync(CertificationServer.Xiuhua);

        await (await s.Client.PostAsync($"/api/certifications/{id}/spot-checks", new { mode = "loud" }, user: "admin"))
            .AssertProblemAsync(System.Net.HttpStatusCode.BadRequest, "mode must be");
        await (await s.Client.PostAsync($"/api/certifications/{id}/spot-checks", new { mode = "open" }, user: "admin"))
            .AssertProblemAsync(System.Net.HttpStatusCode.Conflict, "not certified or suspended");
    }
}
