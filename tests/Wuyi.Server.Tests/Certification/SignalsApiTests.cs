using Wuyi.Server.Tests.Apis;
using Wuyi.Testing;

namespace Wuyi.Server.Tests.Certification;

public sealed class SignalsApiTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task CloseContacts_TwoReported_SuspendedUntilBothCleared(string kind)
    {
        await using var s = await CertificationServer.StartAsync(kind: kind);
        var id = await s.CertifyAsync(CertificationServer.Xiuhua);
        await s.SignalsAsync(s.Signal("cc-a", "close-contact", areaCode: CertificationServer.Xiuhua),
            s.Signal("cc-b", "close-contact", areaCode: CertificationServer.Xiuhua));
        Assert.Equal("suspended", await s.StatusAsync(id));
        Assert.Equal(2, (await s.VariableAsync(id, "openCloseContacts")).GetInt32());
        Assert.Equal("standard", (await s.VariableAsync(id, "testingFrequency")).GetString());
        Assert.Equal("suspended", Assert.Single(await s.RegistryAsync()).Str("status"));

        await s.SignalsAsync(s.Signal("clear-a", "close-contact-cleared", areaCode: CertificationServer.Xiuhua, reference: "cc-a"));
        Assert.Equal("suspended", await s.StatusAsync(id));
        var area = await s.Client.GetJsonAsync($"/api/areas/{CertificationServer.Xiuhua}");
        Assert.Equal(["cc-b"], area.Strings("openCloseContacts"));

        await s.SignalsAsync(s.Signal("clear-b", "close-contact-cleared", areaCode: CertificationServer.Xiuhua, reference: "cc-b"));
        Assert.Equal("certified", await s.StatusAsync(id));
        Assert.Equal("reduced", (await s.VariableAsync(id, "testingFrequency")).GetString());
    }

    [Fact]
    public async Task SignalId_ReusedWithAnotherType_RefusedSayingSoNothingChanged()
    {
        await using var s = await CertificationServer.StartAsync();
        var id = await s.CertifyAsync(CertificationServer.Xiuhua);
        await s.SignalsAsync(s.Signal("same-id", "close-contact", areaCode: CertificationServer.Xiuhua));

        var replay = await s.SignalsAsync(s.Signal("same-id", "confirmed-case", areaCode: CertificationServer.Xiuhua));

        var answer = replay.GetProperty("signals")[0];
        Assert.Equal(409, answer.GetProperty("status").GetInt32());
        Assert.Contains("first received as a 'close-contact' signal", answer.Str("error"));
        Assert.Equal("suspended", await s.StatusAsync(id));
    }

    [Theory]
    [InlineData("confirmed-case", null, "postgres")]
    [InlineData("asymptomatic-case", null, "postgres")]
    [InlineData("obstruction", "obstructing-workers", "postgres")]
    [InlineData("obstruction", "refusing-testing", "postgres")]
    [InlineData("obstruction", "evading-isolation", "postgres")]
    [InlineData("obstruction", "hiding-contact-history", "postgres")]
    [InlineData("obstruction", "spreading-rumours", "postgres")]
    [InlineData("confirmed-case", null, "sqlite")]
    [InlineData("obstruction", "evading-isolation", "sqlite")]
    public async Task Certified_CaseOrObstruction_Delisted(string type, string? kind, string database)
    {
        await using var s = await CertificationServer.StartAsync(kind: database);
        var id = await s.CertifyAsync(CertificationServer.Xiuhua);
        var answer = await s.SignalsAsync(s.Signal("s-1", type, areaCode: CertificationServer.Xiuhua, kind: kind));
        Assert.Equal([id], answer.GetProperty("signals")[0].Strings("instances"));
        var detail = await s.DetailAsync(id);
        Assert.Equal("delisted", detail.GetProperty("summary").Str("status"));
        Assert.Equal(kind ?? type, detail.GetProperty("record").Str("endReason"));
        Assert.Equal("certified", detail.GetProperty("record").Str("delistedFrom"));
        Assert.Empty(await s.RegistryAsync());
        Assert.Equal(1, (await s.Client.GetJsonAsync("/api/certifications?status=delisted")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task CloseContact_TownshipWide_SuspendsEveryCertifiedAreaOfTheTownshipOnly()
    {
        await using var s = await CertificationServer.StartAsync();
        var inside = new[] { await s.CertifyAsync(CertificationServer.Xiuhua), await s.CertifyAsync(CertificationServer.Gaoxin) };
        var outside = await s.CertifyAsync(CertificationServer.Haigang);
        var answer = await s.SignalsAsync(s.Signal("cc-town", "close-contact", regionCode: CertificationServer.Xiuying));
        var outcome = answer.GetProperty("signals")[0];
        Assert.Equal(inside.Order().ToArray(), outcome.Strings("instances").ToArray());
        Assert.Contains(CertificationServer.Xiuhai, outcome.Strings("areas"));
        Assert.DoesNotContain(CertificationServer.Haigang, outcome.Strings("areas"));
        foreach (var id in inside)
            Assert.Equal("suspended", await s.StatusAsync(id));
        Assert.Equal("certified", await s.StatusAsync(outside));

        await s.SignalsAsync(s.Signal("cc-town-clear", "close-contact-cleared", regionCode: CertificationServer.Xiuying, reference: "cc-town"));
        foreach (var id in inside)
            Assert.Equal("certified", await s.StatusAsync(id));
    }

    [Fact]
    public async Task Batch_SentTwice_SecondChangesNothingAndAnswersTheSame()
    {
        await using var s = await CertificationServer.StartAsync();
        var id = await s.CertifyAsync(CertificationServer.Xiuhua);
        object[] batch =
        [
            s.Signal("b-1", "close-contact", areaCode: CertificationServer.Xiuhua),
            s.Signal("b-2", "close-contact", regionCode: CertificationServer.Xiuying),
        ];
        var first = await s.SignalsAsync(batch);
        Assert.Equal(2, (await s.VariableAsync(id, "openCloseContacts")).GetInt32());
        var history = (await s.DetailAsync(id)).GetProperty("timeline").GetArrayLength();
        var second = await s.SignalsAsync(batch);
        Assert.Equal(first.ToString(), second.ToString());
        Assert.Equal(2, (await s.VariableAsync(id, "openCloseContacts")).GetInt32());
        Assert.Equal(history, (await s.DetailAsync(id)).GetProperty("timeline").GetArrayLength());
    }

    [Fact]
    public async Task Batch_InvalidSignals_EachRefusedWhileValidOnesApply()
    {
        await using var s = await CertificationServer.StartAsync();
        var id = await s.CertifyAsync(CertificationServer.Xiuhua);
        var answer = await s.SignalsAsync(
            s.Signal("bad-region", "close-contact", regionCode: "469999"),
            s.Signal("bad-type", "earthquake", areaCode: CertificationServer.Xiuhua),
            s.Signal("bad-clear", "close-contact-cleared", areaCode: CertificationServer.Xiuhua, reference: "nobody"),
            s.Signal("bad-date", "confirmed-case", areaCode: CertificationServer.Xiuhua, occurredAt: s.Now.AddDays(1)),
            s.Signal("bad-kind", "obstruction", areaCode: CertificationServer.Xiuhua, kind: "littering"),
            s.Signal("good", "close-contact", areaCode: CertificationServer.Xiuhua));
        var outcomes = answer.GetProperty("signals").EnumerateArray().ToList();
        Assert.Equal([404, 422, 409, 422, 422, 202], outcomes.Select(o => o.GetProperty("status").GetInt32()).ToArray());
        Assert.Contains("469999", outcomes[0].Str("error"));
        Assert.Contains("earthquake", outcomes[1].Str("error"));
        Assert.Contains("nobody", outcomes[2].Str("error"));
        Assert.Contains("future", outcomes[3].Str("error"));
        Assert.Equal(1, answer.GetProperty("accepted").GetInt32());
        Assert.Equal("suspended", await s.StatusAsync(id));
    }
}
