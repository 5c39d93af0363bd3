using System.Net;
using System.Text.Json;
using Wuyi.Server.Tests.Apis;
using Wuyi.Testing;

namespace Wuyi.Server.Tests.Certification;

/// <summary><c>GET /api/signals</c>: the history of the signals received.</summary>
public sealed class SignalHistoryApiTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task History_AppliedDuplicateAndUnknownArea_NewestFirstWithOutcomes(string kind)
    {
        await using var s = await CertificationServer.StartAsync(kind: kind);
        await s.SignalsAsync(s.Signal("cc-1", "close-contact", areaCode: CertificationServer.Xiuhua),
            s.Signal("cc-unknown", "close-contact", areaCode: "460105001999"));
        await s.AdvanceAsync("PT1M");
        await s.SignalsAsync(s.Signal("cc-1", "close-contact", areaCode: CertificationServer.Xiuhua));

        var history = await s.Client.GetJsonAsync("/api/signals");

        Assert.Equal(3, history.GetProperty("total").GetInt32());
        var items = Items(history);
        Assert.Equal([("cc-1", "duplicate"), ("cc-unknown", "unknown-area"), ("cc-1", "applied")], items.Select(i => (i.Str("signalId"), i.Str("outcome"))));
        Assert.Equal((CertificationServer.Xiuhua, "close-contact", "health-system", 1), (items[2].Str("code"), items[2].Str("type"), items[2].Str("actor"),
            items[2].GetProperty("areas").GetInt32()));
        Assert.Contains("460105001999", items[1].Str("error"));
        Assert.True(items[0].GetProperty("receivedAt").GetDateTimeOffset() > items[2].GetProperty("receivedAt").GetDateTimeOffset());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task History_FilteredByRegionTypeAndTime_OnlyThoseRows(string kind)
    {
        await using var s = await CertificationServer.StartAsync(kind: kind);
        await s.SignalsAsync(s.Signal("cc-xiuhua", "close-contact", areaCode: CertificationServer.Xiuhua));
        await s.AdvanceAsync("PT1H");
        var later = s.Now;
        await s.SignalsAsync(s.Signal("cc-haigang", "close-contact", areaCode: CertificationServer.Haigang),
            s.Signal("zone-town", "risk-zone-changed", regionCode: CertificationServer.Xiuying, zoneLevel: "medium"),
            s.Signal("dz-46", "dynamic-zero-declared", regionCode: "46"));

        Assert.Equal(["zone-town", "cc-xiuhua"], Ids(await s.Client.GetJsonAsync($"/api/signals?region={CertificationServer.Xiuhua}&pageSize=10")).Where(i => i != "dz-46"));
        Assert.Contains("dz-46", Ids(await s.Client.GetJsonAsync($"/api/signals?region={CertificationServer.Xiuhua}")));
        Assert.Equal(["cc-haigang", "cc-xiuhua"], Ids(await s.Client.GetJsonAsync("/api/signals?type=close-contact")));
        var from = Uri.EscapeDataString(later.ToString("O"));
        Assert.Equal(["dz-46", "zone-town", "cc-haigang"], Ids(await s.Client.GetJsonAsync($"/api/signals?from={from}")));
        Assert.Equal(["cc-xiuhua"], Ids(await s.Client.GetJsonAsync($"/api/signals?to={from}")));
        var page = await s.Client.GetJsonAsync("/api/signals?page=2&pageSize=3");
        Assert.Equal(4, page.GetProperty("total").GetInt32());
        Assert.Equal(["cc-xiuhua"], Ids(page));
    }

    [Fact]
    public async Task History_ReadersOfAnotherCounty_NoRowsOrNotFound()
    {
        await using var s = await CertificationServer.StartAsync();
        await s.SignalsAsync(s.Signal("cc-1", "close-contact", areaCode: CertificationServer.Xiuhua));
        using var healthXiuying = s.Server.ClientFor("health-xiuying", "health:460105");
        using var healthLonghua = s.Server.ClientFor("health-longhua", "health:460106");
        using var operatorLonghua = s.Server.ClientFor("operator-longhua", "health-operator:460106");
        using var reviewer = s.Server.ClientFor("reviewer-xiuying", "township-reviewer:460105001");

        Assert.Equal(["cc-1"], Ids(await healthXiuying.GetJsonAsync("/api/signals")));
        Assert.Empty(Ids(await healthLonghua.GetJsonAsync("/api/signals")));
        Assert.Empty(Ids(await operatorLonghua.GetJsonAsync("/api/signals")));
        await (await healthLonghua.GetAsync("/api/signals?region=460105")).AssertProblemAsync(HttpStatusCode.NotFound, "460105");
        await (await reviewer.GetAsync("/api/signals")).AssertProblemAsync(HttpStatusCode.Forbidden, "health");
    }

    [Fact]
    public async Task History_OwnRefusalWithoutCode_SeenBySender()
    {
        await using var s = await CertificationServer.StartAsync(kind: "sqlite");
        using var sender = s.Server.ClientFor("operator-longhua", "health-operator:460106");
        var response = await sender.PostAsync("/api/signals", new object[] { new { id = "no-code", type = "close-contact", occurredAt = s.Now, reference = "r" } });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var row = Assert.Single(Items(await sender.GetJsonAsync("/api/signals")));
        Assert.Equal(("no-code", "refused"), (row.Str("signalId"), row.Str("outcome")));
        Assert.Contains("areaCode", row.Str("error"));
    }

    [Theory]
    [InlineData("pageSize=501", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("type=flood", "type")]
    [InlineData("region=46x", "region")]
    [InlineData("from=yesterday", "from")]
    [InlineData("from=2022-08-25T00:00:00Z&to=2022-08-24T00:00:00Z", "from")]
    public async Task History_BadQuery_BadRequestNamingTheField(string query, string field)
    {
        await using var s = await CertificationServer.StartAsync(kind: "sqlite");
        await (await s.Client.GetAsync($"/api/signals?{query}")).AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    private static List<JsonElement> Items(JsonElement page) => [.. page.GetProperty("items").EnumerateArray()];

    private static List<string> Ids(JsonElement page) => [.. Items(page).Select(i => i.Str("signalId"))];
}
