using System.Net;
using Wuyi.Server.Tests.Apis;

namespace Wuyi.Server.Tests.Certification;

public sealed class CertificationApiTests
{
    [Fact]
    public async Task Apply_AllApproved_CertifiedWithBenefitsOnRegistryAndTimeline()
    {
        await using var s = await CertificationServer.StartAsync();
        var id = await s.ApplyAsync(CertificationServer.Xiuhua);
        Assert.Equal("observing", await s.StatusAsync(id));
        Assert.Equal("county 460105 has had no outbreak", (await s.VariableAsync(id, "eligibilityReason")).GetString());
        await s.AdvanceAsync("PT1M");
        await s.WaitForStatusAsync(id, "township-review");
        var detail = await s.DetailAsync(id);
        Assert.Equal("township-review", detail.GetProperty("summary").Str("status"));
        Assert.Contains("TownshipReview", detail.Strings("activeElements"));
        Assert.Equal("township-reviewer:460105001", detail.GetProperty("openTasks")[0].Str("candidateGroups"));

        await s.ReviewAsync(CertificationServer.Xiuhua, "TownshipReview", "approve");
        await s.ReviewAsync(CertificationServer.Xiuhua, "CountyAssessment", "approve");
        await s.ReviewAsync(CertificationServer.Xiuhua, "ProvincialFiling", "approve");

        detail = await s.DetailAsync(id);
        Assert.Equal("certified", detail.GetProperty("summary").Str("status"));
        Assert.Equal("reduced", detail.GetProperty("benefits").Str("testingFrequency"));
        Assert.False(detail.GetProperty("benefits").GetProperty("stayInsideRegime").GetBoolean());
        Assert.Equal("approve", detail.GetProperty("criteria").GetProperty("provincialFiling").Str("decision"));
        Assert.Contains(detail.GetProperty("timeline").EnumerateArray(), e => e.Str("actor") == "reviewer");

        var registry = await s.RegistryAsync("460105");
        var entry = Assert.Single(registry);
        Assert.Equal(CertificationServer.Xiuhua, entry.Str("areaCode"));
        Assert.Equal("certified", entry.Str("status"));
        Assert.Equal(["海南省", "海口市", "秀英区", "秀英街道"], entry.GetProperty("path").EnumerateArray().Select(p => p.Str("name")).ToArray());
        Assert.Empty(await s.RegistryAsync("4602"));

        var list = await s.Client.GetJsonAsync("/api/certifications?region=460105001&status=certified");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal(0, (await s.Client.GetJsonAsync("/api/certifications?status=rejected")).GetProperty("total").GetInt32());

        var again = await s.ApplyRawAsync(CertificationServer.Xiuhua);
        await again.AssertProblemAsync(HttpStatusCode.Conflict, "already has a live certification", id);
    }

    [Fact]
    public async Task Apply_UnknownAreaOrBadAssessmentOrNotEligible_Refused()
    {
        await using var s = await CertificationServer.StartAsync();
        await (await s.ApplyRawAsync("460105001999")).AssertProblemAsync(HttpStatusCode.NotFound, "460105001999");
        await (await s.ApplyRawAsync(CertificationServer.Xiuhua, new Dictionary<string, bool> { ["organisation"] = true }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "missing zeroCases");
        var answer = await s.SignalsAsync(
            s.Signal("lost-1", "dynamic-zero-lost", regionCode: "460105"),
            s.Signal("cc-1", "close-contact", areaCode: CertificationServer.Xiuhua));
        Assert.Equal(2, answer.GetProperty("accepted").GetInt32());
        await (await s.ApplyRawAsync(CertificationServer.Xiuhua)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "not at dynamic zero", "cc-1");
        await s.ApplyAsync(CertificationServer.Xiuhai); // the area itself is at dynamic zero
        await s.SignalsAsync(s.Signal("declared-1", "dynamic-zero-declared", regionCode: "4601"));
        await s.ApplyAsync(CertificationServer.Xiuhua);
    }

    [Fact]
    public async Task Review_Returned_RevisedGoesThroughEveryLevelAgain()
    {
        await using var s = await CertificationServer.StartAsync();
        var id = await s.ApplyAsync(CertificationServer.Xiuhua);
        await s.AdvanceAsync("PT1M");
        await s.WaitForStatusAsync(id, "township-review");
        await s.ReviewAsync(CertificationServer.Xiuhua, "TownshipReview", "approve");
        await s.ReviewAsync(CertificationServer.Xiuhua, "CountyAssessment", "return", "publicity is weak");
        Assert.Equal("revising", await s.StatusAsync(id));
        await s.CompleteAsync(CertificationServer.Xiuhua, "ReviseApplication", new { selfAssessment = CertificationServer.AllMet() }, "applicant");
        Assert.Equal("township-review", await s.StatusAsync(id));
        await s.ReviewAsync(CertificationServer.Xiuhua, "TownshipReview", "approve");
        await s.ReviewAsync(CertificationServer.Xiuhua, "CountyAssessment", "approve");
        await s.ReviewAsync(CertificationServer.Xiuhua, "ProvincialFiling", "approve");
        Assert.Equal("certified", await s.StatusAsync(id));
        Assert.Equal(1, (await s.VariableAsync(id, "revisions")).GetInt32());
    }

    [Fact]
    public async Task Review_Rejected_EndsAndAreaMayApplyAgain()
    {
        await using var s = await CertificationServer.StartAsync();
        var id = await s.ApplyAsync(CertificationServer.Xiuhua);
        await s.AdvanceAsync("PT1M");
        await s.WaitForStatusAsync(id, "township-review");
        await s.ReviewAsync(CertificationServer.Xiuhua, "TownshipReview", "reject", "not ready");
        var detail = await s.DetailAsync(id);
        Assert.Equal("rejected", detail.GetProperty("summary").Str("status"));
        Assert.Equal("not ready", detail.GetProperty("record").Str("endReason"));
        Assert.Empty(await s.RegistryAsync());
        Assert.NotEqual(id, await s.ApplyAsync(CertificationServer.Xiuhua));
    }

    [Fact]
    public async Task Observing_CaseDuringSevenDays_RestartsTheCount()
    {
        await using var s = await CertificationServer.StartAsync();
        await s.SignalsAsync(s.Signal("case-0", "confirmed-case", areaCode: CertificationServer.Xiuhua, occurredAt: s.Now.AddDays(-2)));
        var id = await s.ApplyAsync(CertificationServer.Xiuhua);
        Assert.Equal("observing", await s.StatusAsync(id));
        await s.AdvanceAsync("P3D");
        var answer = await s.SignalsAsync(s.Signal("case-1", "asymptomatic-case", areaCode: CertificationServer.Xiuhua));
        Assert.Equal([id], answer.GetProperty("signals")[0].Strings("instances"));
        await s.AdvanceAsync("P6D");
        Assert.Equal("observing", await s.StatusAsync(id));
        Assert.Equal(1, (await s.VariableAsync(id, "restarts")).GetInt32());
        await s.AdvanceAsync("P1DT1M");
        await s.WaitForStatusAsync(id, "township-review");
    }
}
