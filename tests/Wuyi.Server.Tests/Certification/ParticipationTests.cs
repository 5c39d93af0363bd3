using System.Net;
using Wuyi.Server.Tests.Apis;
using Wuyi.Testing;
using static Wuyi.Server.Tests.Certification.CertificationServer;

namespace Wuyi.Server.Tests.Certification;

/// <summary>Who may take part (创建范围) and until when: the county's standing from the service's own records.</summary>
public sealed class ParticipationTests
{
    private const string County = "460105";

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task GetCounty_CaseFiveDaysAgoNoDeclaration_NotAtDynamicZeroAndOnlyCleanAreasApply(string kind)
    {
        await using var s = await StartAsync(kind: kind);
        Assert.Equal("no-outbreak", (await s.Client.GetJsonAsync($"/api/areas/{County}")).Str("status"));

        await s.SignalsAsync(s.Signal("case-1", "confirmed-case", areaCode: Xiuhai, occurredAt: s.Now.AddDays(-5)));

        var county = await s.Client.GetJsonAsync($"/api/areas/{County}");
        Assert.Equal("county", county.Str("type"));
        Assert.Equal("not-dynamic-zero", county.Str("status"));
        Assert.Contains("2022-08-19", county.Str("reason"));
        Assert.Contains("no dynamic-zero declaration since", county.Str("reason"));
        Assert.Equal(Xiuhai, county.Str("latestInfectionArea"));
        Assert.Equal("not-dynamic-zero", (await s.Client.GetJsonAsync($"/api/areas/{Xiuhua}")).Str("countyStatus"));
        // The area with the case is not at dynamic zero itself: refused, saying why; a clean area of the county may apply.
        await (await s.ApplyRawAsync(Xiuhai)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "not at dynamic zero", "incubation period");
        Assert.Equal("observing", await s.StatusAsync(await s.ApplyAsync(Xiuhua)));
        await (await s.Client.GetAsync("/api/areas/460199")).AssertProblemAsync(HttpStatusCode.NotFound, "460199");
    }

    [Fact]
    public async Task GetCounty_DeclaredAfterLatestCaseThenNewCase_DynamicZeroThenNotAgain()
    {
        await using var s = await StartAsync();
        await s.SignalsAsync(
            s.Signal("case-1", "confirmed-case", areaCode: Xiuhai, occurredAt: At("2022-08-19T10:00")),
            s.Signal("zero-1", "dynamic-zero-declared", regionCode: County, occurredAt: At("2022-08-22T10:00")));
        var declared = await s.Client.GetJsonAsync($"/api/areas/{County}");
        Assert.Equal("dynamic-zero", declared.Str("status"));
        Assert.Contains("declared dynamic zero on 2022-08-22", declared.Str("reason"));
        Assert.Equal("observing", await s.StatusAsync(await s.ApplyAsync(Xiuhai))); // the whole county may apply

        await s.SignalsAsync(s.Signal("case-2", "asymptomatic-case", areaCode: Haigang, occurredAt: At("2022-08-23T10:00")));
        var again = await s.Client.GetJsonAsync($"/api/areas/{County}");
        Assert.Equal("not-dynamic-zero", again.Str("status"));
        Assert.Equal(Haigang, again.Str("latestInfectionArea"));
    }

    [Fact]
    public async Task GetCounty_CaseBeforeProgrammeStart_NoOutbreak()
    {
        await using var s = await StartAsync(settings: new() { ["Wuyi:Certification:ProgrammeStart"] = "2022-08-15T00:00:00+08:00" });
        await s.SignalsAsync(s.Signal("old-case", "confirmed-case", areaCode: Xiuhai, occurredAt: At("2022-08-14T23:00")));

        var county = await s.Client.GetJsonAsync($"/api/areas/{County}");

        Assert.Equal("no-outbreak", county.Str("status"));
        Assert.Contains("since 2022-08-15", county.Str("reason"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Observation_CountyLostDynamicZeroMeanwhile_EndsIneligibleWithTheReason(string kind)
    {
        await using var s = await StartAsync(kind: kind);
        await s.SignalsAsync(
            s.Signal("case-1", "confirmed-case", areaCode: Xiuhai, occurredAt: At("2022-08-19T10:00")),
            s.Signal("zero-1", "dynamic-zero-declared", regionCode: County, occurredAt: At("2022-08-22T10:00")));
        var id = await s.ApplyAsync(Xiuhai); // let in: the county is at dynamic zero
        await s.AdvanceAsync("P1D");
        await s.SignalsAsync(s.Signal("lost-1", "dynamic-zero-lost", regionCode: County));

        await s.AdvanceAsync("P3D"); // the 7 clean days end on 27 August 00:00; the area is at dynamic zero only from 3 September

        await s.WaitForStatusAsync(id, "ineligible");
        Assert.Equal("observing", (await s.VariableAsync(id, "endedDuring")).GetString());
        var reason = (await s.VariableAsync(id, "endReason")).GetString()!;
        Assert.Contains("lost dynamic zero on 2022-08-25", reason);
        Assert.Contains("2022-08-19", reason);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task CaseInCompound_CommunityCertified_CommunityDelistedToo(string kind)
    {
        await using var s = await StartAsync(kind: kind);
        var compound = (await (await s.Client.PostAsync("/api/areas", new { communityCode = Xiuhua, name = "海景花园" })).JsonAsync()).Str("code");
        var community = await s.CertifyAsync(Xiuhua);
        var ofCompound = await s.CertifyAsync(compound);

        // A close contact in the compound suspends the compound only; the community only when a signal names it.
        await s.SignalsAsync(s.Signal("cc-1", "close-contact", areaCode: compound));
        Assert.Equal("suspended", await s.StatusAsync(ofCompound));
        Assert.Equal("certified", await s.StatusAsync(community));

        var answer = await s.SignalsAsync(s.Signal("case-1", "confirmed-case", areaCode: compound));

        Assert.Equal([Xiuhua, compound], answer.GetProperty("signals")[0].Strings("areas"));
        Assert.Equal("delisted", await s.StatusAsync(ofCompound));
        Assert.Equal("delisted", await s.StatusAsync(community));
        Assert.Equal("confirmed-case", (await s.VariableAsync(community, "endReason")).GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, (await s.Client.GetJsonAsync($"/api/areas/{Xiuhua}")).GetProperty("lastInfectionAt").ValueKind);
        Assert.Equal(Xiuhua, (await s.Client.GetJsonAsync($"/api/areas/{County}")).Str("latestInfectionArea"));
    }

    [Fact]
    public async Task CaseInCompound_CommunityObserving_CommunityCountRestarts()
    {
        await using var s = await StartAsync();
        var compound = (await (await s.Client.PostAsync("/api/areas", new { communityCode = Xiuhua, name = "海景花园" })).JsonAsync()).Str("code");
        await s.SignalsAsync(s.Signal("old-case", "confirmed-case", areaCode: Xiuhua, occurredAt: At("2022-08-20T10:00")),
            s.Signal("zero-1", "dynamic-zero-declared", regionCode: County, occurredAt: At("2022-08-21T10:00")));
        var id = await s.ApplyAsync(Xiuhua);
        Assert.Equal(At("2022-08-28T00:00"), (await s.VariableAsync(id, "observationEndsAt")).GetDateTimeOffset());

        await s.SignalsAsync(s.Signal("case-1", "asymptomatic-case", areaCode: compound, occurredAt: At("2022-08-24T08:00")));

        Assert.Equal("observing", await s.StatusAsync(id));
        Assert.Equal(1, (await s.VariableAsync(id, "restarts")).GetInt32());
        Assert.Equal(At("2022-09-01T00:00"), (await s.VariableAsync(id, "observationEndsAt")).GetDateTimeOffset());
    }
}
