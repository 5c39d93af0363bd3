using System.Net;
using Wuyi.Server.Tests.Apis;
using static Wuyi.Server.Tests.Certification.CertificationServer;

namespace Wuyi.Server.Tests.Certification;

/// <summary>The self-assessment at application, and days counted as an official counts them.</summary>
public sealed class ApplicationRulesTests
{
    private const string County = "460105";

    [Fact]
    public async Task Apply_SelfAssessmentLacksCriteria_RefusedNamingThemAndNothingStarted()
    {
        await using var s = await StartAsync();
        var lacking = AllMet(failing: "publicity");
        lacking["environment"] = false;

        var response = await s.ApplyRawAsync(Xiuhua, lacking);

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "selfAssessment", "environment, publicity");
        Assert.Equal(0, (await s.Client.GetJsonAsync("/api/certifications")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Observation_CaseOnAugust20_QualifiesFromAugust28MidnightChinaTime()
    {
        await using var s = await StartAsync();
        await s.SignalsAsync(s.Signal("case-1", "confirmed-case", areaCode: Xiuhua, occurredAt: At("2022-08-20T10:00")),
            s.Signal("zero-1", "dynamic-zero-declared", regionCode: County, occurredAt: At("2022-08-21T10:00")));
        var id = await s.ApplyAsync(Xiuhua);
        Assert.Equal(At("2022-08-28T00:00"), (await s.VariableAsync(id, "observationEndsAt")).GetDateTimeOffset());

        await s.AdvanceAsync("P3DT14H58M"); // 27 August 23:58: 168 hours after the case, but 27 August is not over
        Assert.Equal("observing", await s.StatusAsync(id));
        await s.AdvanceAsync("PT2M");

        await s.WaitForStatusAsync(id, "township-review");
    }

    [Fact]
    public async Task Observation_CaseLateOnADay_CountRestartsToTheMidnightAfterSevenWholeDays()
    {
        await using var s = await StartAsync();
        await s.SignalsAsync(s.Signal("case-1", "confirmed-case", areaCode: Xiuhua, occurredAt: At("2022-08-20T10:00")),
            s.Signal("zero-1", "dynamic-zero-declared", regionCode: County, occurredAt: At("2022-08-21T10:00")));
        var id = await s.ApplyAsync(Xiuhua);
        await s.AdvanceAsync("PT14H59M"); // 24 August 23:59

        await s.SignalsAsync(s.Signal("case-2", "confirmed-case", areaCode: Xiuhua, occurredAt: At("2022-08-24T23:30")),
            s.Signal("zero-2", "dynamic-zero-declared", regionCode: County));

        Assert.Equal(1, (await s.VariableAsync(id, "restarts")).GetInt32());

        Assert.Equal(At("2022-09-01T00:00"), (await s.VariableAsync(id, "observationEndsAt")).GetDateTimeOffset());
    }

    [Fact]
    public async Task Apply_CountyNotAtDynamicZero_AreaAtDynamicZeroFromMidnightAfterFourteenWholeDays()
    {
        await using var s = await StartAsync();
        await s.SignalsAsync(s.Signal("case-1", "confirmed-case", areaCode: Xiuhai, occurredAt: At("2022-08-09T23:00")),
            s.Signal("case-2", "confirmed-case", areaCode: Gaoxin, occurredAt: At("2022-08-10T00:30")));

        Assert.Equal("observing", await s.StatusAsync(await s.ApplyAsync(Xiuhai))); // 10–23 August clean: at dynamic zero on the 24th
        await (await s.ApplyRawAsync(Gaoxin)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "from 2022-08-25");
    }
}
