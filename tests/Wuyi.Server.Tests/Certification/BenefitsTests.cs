using System.Net;
using Wuyi.Server.Tests.Apis;
using Wuyi.Testing;
using static Wuyi.Server.Tests.Certification.CertificationServer;

namespace Wuyi.Server.Tests.Certification;

/// <summary>Benefits in force where they are decided, and high-risk zones that change.</summary>
public sealed class BenefitsTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task GetCertificationAndRegistry_CertifiedThenSuspended_BenefitsInForceAndSinceWhen(string kind)
    {
        await using var s = await StartAsync(kind: kind);
        var id = await s.CertifyAsync(Xiuhua);
        var certifiedAt = (await s.DetailAsync(id)).GetProperty("summary").GetProperty("certifiedAt").GetDateTimeOffset();

        var benefits = (await s.DetailAsync(id)).GetProperty("benefits");
        Assert.Equal("lowered", benefits.Str("controlLevel"));
        Assert.Equal("reduced", benefits.Str("testingFrequency"));
        Assert.False(benefits.GetProperty("stayInsideRegime").GetBoolean());
        Assert.Equal(certifiedAt, benefits.GetProperty("benefitsSince").GetDateTimeOffset());
        var listed = Assert.Single(await s.RegistryAsync()).GetProperty("benefits");
        Assert.Equal("lowered", listed.Str("controlLevel"));
        Assert.Equal("reduced", listed.Str("testingFrequency"));
        Assert.Equal(certifiedAt, listed.GetProperty("since").GetDateTimeOffset());

        await s.AdvanceAsync("P2D");
        await s.SignalsAsync(s.Signal("cc-1", "close-contact", areaCode: Xiuhua));

        var suspended = Assert.Single(await s.RegistryAsync()).GetProperty("benefits");
        Assert.Equal("standard", suspended.Str("controlLevel"));
        Assert.Equal("standard", suspended.Str("testingFrequency"));
        Assert.Equal(s.Now, suspended.GetProperty("since").GetDateTimeOffset());
        Assert.Equal("standard", (await s.DetailAsync(id)).GetProperty("benefits").Str("controlLevel"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task RiskZoneChanged_TownshipHighThenLow_StayInsideRegimeSwitchedAtOnce(string kind)
    {
        await using var s = await StartAsync(kind: kind);
        var xiuhua = await s.CertifyAsync(Xiuhua);
        var xiuhai = await s.CertifyAsync(Xiuhai);
        var haigang = await s.CertifyAsync(Haigang);
        await s.AdvanceAsync("P1D");

        var answer = await s.SignalsAsync(s.Signal("zone-1", "risk-zone-changed", regionCode: Xiuying, zoneLevel: "high"));

        Assert.Equal("RiskZoneChanged", answer.GetProperty("signals")[0].Str("message"));
        foreach (var id in (string[])[xiuhua, xiuhai])
        {
            var benefits = (await s.DetailAsync(id)).GetProperty("benefits");
            Assert.True(benefits.GetProperty("stayInsideRegime").GetBoolean(), id);
            Assert.Equal(s.Now, benefits.GetProperty("benefitsSince").GetDateTimeOffset());
        }
        Assert.False((await s.DetailAsync(haigang)).GetProperty("benefits").GetProperty("stayInsideRegime").GetBoolean());
        Assert.Equal("high", (await s.Client.GetJsonAsync($"/api/areas/{Xiuhua}")).Str("riskZone"));
        Assert.True((await s.RegistryAsync(Xiuhua)).Single().GetProperty("benefits").GetProperty("stayInsideRegime").GetBoolean());

        await s.SignalsAsync(s.Signal("zone-2", "risk-zone-changed", areaCode: Xiuhua, zoneLevel: "low"));
        Assert.False((await s.DetailAsync(xiuhua)).GetProperty("benefits").GetProperty("stayInsideRegime").GetBoolean());
        Assert.True((await s.DetailAsync(xiuhai)).GetProperty("benefits").GetProperty("stayInsideRegime").GetBoolean());
    }

    [Fact]
    public async Task RiskZoneChanged_BeforeCertification_CertifiedWithTheZoneInForce()
    {
        await using var s = await StartAsync();
        var id = await s.ApplyAsync(Xiuhua);
        await s.SignalsAsync(s.Signal("zone-1", "risk-zone-changed", areaCode: Xiuhua, zoneLevel: "high"));
        await s.AdvanceAsync("PT1M");
        await s.WaitForStatusAsync(id, "township-review");
        foreach (var level in (string[])["TownshipReview", "CountyAssessment", "ProvincialFiling"])
            await s.ReviewAsync(Xiuhua, level, "approve");

        Assert.Equal("certified", await s.StatusAsync(id));
        Assert.True((await s.DetailAsync(id)).GetProperty("benefits").GetProperty("stayInsideRegime").GetBoolean());
    }

    [Fact]
    public async Task RiskZoneChanged_UnknownLevel_RefusedNamingZoneLevel()
    {
        await using var s = await StartAsync();

        var response = await s.Client.PostAsync("/api/signals", new[] { s.Signal("zone-1", "risk-zone-changed", areaCode: Xiuhua, zoneLevel: "red") },
            user: "health-system");

        var body = await response.JsonAsync();
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(422, body.GetProperty("signals")[0].GetProperty("status").GetInt32());
        Assert.Contains("zoneLevel", body.GetProperty("signals")[0].Str("error"));
        Assert.Equal("low", (await s.Client.GetJsonAsync($"/api/areas/{Xiuhua}")).Str("riskZone"));
    }
}
