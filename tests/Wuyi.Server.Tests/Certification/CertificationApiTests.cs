using System.Net;
using System.Text.Json;
using Wuyi.Server.Tests.Apis;
using Wuyi.Testing;

namespace Wuyi.Server.Tests.Certification;

public sealed class CertificationApiTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Apply_AllApproved_CertifiedWithBenefitsOnRegistryAndTimeline(string kind)
    {
        await using var s = await CertificationServer.StartAsync(kind: kind);
        var id = await s.ApplyAsync(CertificationServer.Xiuhua);
        Assert.Equal("observing", await s.StatusAsync(id));
        Assert.Equal("county 460105 has recorded no infection since 2022-08-01 and no declaration",
            (await s.VariableAsync(id, "eligibilityReason")).GetString());
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
        var filing = detail.GetProperty("criteria").GetProperty("provincialFiling");
        Assert.Equal("approve", filing.Str("decision"));
        Assert.Equal("reviewer", filing.Str("by"));
        Assert.True(filing.GetProperty("criteria").GetProperty("publicity").GetBoolean());
        Assert.Equal(["TownshipReview", "CountyAssessment", "ProvincialFiling"],
            detail.GetProperty("reviews").EnumerateArray().Select(r => r.Str("level")).ToArray());
        // The review records are the task rows, not process variables: the certified instance stays small.
        var variables = (await s.Client.InstanceAsync(id)).GetProperty("variables");
        Assert.All((string[])["townshipReview", "countyAssessment", "provincialFiling", "decision", "criteriaMet", "reviewComments"],
            name => Assert.False(variables.TryGetProperty(name, out _), name));
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
    public async Task List_UnknownStatusOrRegion_ProblemNamingIt()
    {
        await using var s = await CertificationServer.StartAsync();
        await (await s.Client.GetAsync("/api/certifications?status=certifed")).AssertProblemAsync(HttpStatusCode.BadRequest, "certifed", "certified");
        await (await s.Client.GetAsync("/api/certifications?region=hainan")).AssertProblemAsync(HttpStatusCode.BadRequest, "hainan");
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
            s.Signal("case-1", "confirmed-case", areaCode: CertificationServer.Xiuhua, occurredAt: s.Now.AddDays(-13)));
        Assert.Equal(2, answer.GetProperty("accepted").GetInt32());
        await (await s.ApplyRawAsync(CertificationServer.Xiuhua))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "not at dynamic zero", "within one incubation period");
        await s.ApplyAsync(CertificationServer.Xiuhai); // the area itself is at dynamic zero
        await s.SignalsAsync(s.Signal("declared-1", "dynamic-zero-declared", regionCode: "4601"));
        await s.ApplyAsync(CertificationServer.Xiuhua);
    }

    [Fact]
    public async Task Apply_OpenCloseContactInCountyNotAtDynamicZero_AcceptedAndStartsSuspended()
    {
        // Dynamic zero counts infections; a close contact suspends a certification (workflows/README.md, "Who may take part").
        await using var s = await CertificationServer.StartAsync();
        await s.SignalsAsync(s.Signal("lost-1", "dynamic-zero-lost", regionCode: "460105"),
            s.Signal("cc-1", "close-contact", areaCode: CertificationServer.Xiuhua));
        var id = await s.ApplyAsync(CertificationServer.Xiuhua);
        Assert.Equal("county 460105 lost dynamic zero on 2022-08-24, but the area itself is at dynamic zero",
            (await s.VariableAsync(id, "eligibilityReason")).GetString());
        await s.AdvanceAsync("PT1M");
        await s.WaitForStatusAsync(id, "township-review");
        await s.ReviewAsync(CertificationServer.Xiuhua, "TownshipReview", "approve");
        await s.ReviewAsync(CertificationServer.Xiuhua, "CountyAssessment", "approve");
        await s.ReviewAsync(CertificationServer.Xiuhua, "ProvincialFiling", "approve");
        Assert.Equal("suspended", await s.StatusAsync(id));
        Assert.Equal(1, (await s.VariableAsync(id, "openCloseContacts")).GetInt32());
        await s.SignalsAsync(s.Signal("clear-1", "close-contact-cleared", areaCode: CertificationServer.Xiuhua, reference: "cc-1"));
        Assert.Equal("certified", await s.StatusAsync(id));
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
        var detail = await s.DetailAsync(id);
        Assert.Equal("certified", detail.GetProperty("summary").Str("status"));
        Assert.Equal(1, detail.GetProperty("record").GetProperty("revisions").GetInt32());
        // Every round of review is on the record, from the task rows; the criteria show each level's latest.
        var reviews = detail.GetProperty("reviews").EnumerateArray().ToList();
        Assert.Equal(["TownshipReview:approve", "CountyAssessment:return", "TownshipReview:approve", "CountyAssessment:approve", "ProvincialFiling:approve"],
            reviews.Select(r => $"{r.Str("level")}:{r.Str("decision")}").ToArray());
        Assert.Equal("publicity is weak", reviews[1].Str("comments"));
        Assert.Equal("approve", detail.GetProperty("criteria").GetProperty("countyAssessment").Str("decision"));
        Assert.Equal(reviews[3].Str("taskId"), detail.GetProperty("criteria").GetProperty("countyAssessment").Str("taskId"));
        Assert.False(detail.GetProperty("record").TryGetProperty("reviewComments", out _));
    }

    [Fact]
    public async Task Review_ReturnedWithCriterionComments_RecordListsThemWithTheReview()
    {
        await using var s = await CertificationServer.StartAsync();
        var id = await s.ApplyAsync(CertificationServer.Xiuhua);
        await s.AdvanceAsync("PT1M");
        await s.WaitForStatusAsync(id, "township-review");
        await s.CompleteAsync(CertificationServer.Xiuhua, "TownshipReview", new
        {
            decision = "return", criteria = CertificationServer.AllMet(failing: "zeroCases"), comments = "",
            criterionComments = new { zeroCases = "台账缺少近14天的排查记录", publicity = "" },
        });
        Assert.Equal("revising", await s.StatusAsync(id));

        var review = Assert.Single((await s.DetailAsync(id)).GetProperty("reviews").EnumerateArray());
        Assert.Equal("台账缺少近14天的排查记录", review.GetProperty("criterionComments").Str("zeroCases"));
        Assert.False(review.GetProperty("criteria").GetProperty("zeroCases").GetBoolean());
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
        // The county declares dynamic zero after each case, so the area stays eligible when its 7 days end.
        await s.SignalsAsync(s.Signal("case-0", "confirmed-case", areaCode: CertificationServer.Xiuhua, occurredAt: s.Now.AddDays(-2)),
            s.Signal("zero-0", "dynamic-zero-declared", regionCode: "460105", occurredAt: s.Now.AddDays(-1)));
        var id = await s.ApplyAsync(CertificationServer.Xiuhua);
        Assert.Equal("observing", await s.StatusAsync(id));
        await s.AdvanceAsync("P3D"); // 27 August 09:00
        var answer = await s.SignalsAsync(s.Signal("case-1", "asymptomatic-case", areaCode: CertificationServer.Xiuhua),
            s.Signal("zero-1", "dynamic-zero-declared", regionCode: "460105"));
        Assert.Equal([id], answer.GetProperty("signals")[0].Strings("instances"));
        await s.AdvanceAsync("P6D");
        Assert.Equal("observing", await s.StatusAsync(id));
        Assert.Equal(1, (await s.VariableAsync(id, "restarts")).GetInt32());
        await s.AdvanceAsync("P1DT1M"); // 3 September 09:01: 168 hours after the case, but 3 September is not over
        Assert.Equal("observing", await s.StatusAsync(id));
        await s.AdvanceAsync("PT15H");
        await s.WaitForStatusAsync(id, "township-review");
    }
}
