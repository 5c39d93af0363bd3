using System.Net;
using System.Text.Json;
using Wuyi.Testing;

namespace Wuyi.Server.Tests.Apis;

/// <summary><c>GET /api/messages/waiting</c>: the buffered messages no instance has taken yet.</summary>
public sealed class WaitingMessagesApiTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Waiting_BufferedMessages_NewestFirstFilteredAndGoneOnceTaken(string kind)
    {
        using var database = TestDatabase.Create(kind);
        await using var server = await ApiServer.StartAsync(database, manualClock: true);
        await server.Client.DeployOkAsync(ApiModels.Contact);
        await Buffer(server, "m-1", "CloseContactReported", "460105001001", "P7D");
        await server.Client.PostAsync("/api/clock/advance", new { duration = "PT1M" });
        await Buffer(server, "m-2", "CloseContactReported", "460106001001", null);
        await Buffer(server, "m-3", "Other", "order-7", "PT1H");

        var all = await server.Client.GetJsonAsync("/api/messages/waiting");
        Assert.Equal(3, all.GetProperty("total").GetInt32());
        var first = Items(all)[^1];
        Assert.Equal(("m-1", "CloseContactReported", "460105001001"), (first.Str("messageId"), first.Str("name"), first.Str("correlationKey")));
        Assert.Equal(TimeSpan.FromDays(7), first.GetProperty("expiresAt").GetDateTimeOffset() - first.GetProperty("receivedAt").GetDateTimeOffset());
        Assert.Equal(["m-1"], Ids(await server.Client.GetJsonAsync("/api/messages/waiting?businessKey=460105")));
        Assert.Equal(["m-2", "m-1"], Ids(await server.Client.GetJsonAsync("/api/messages/waiting?name=CloseContactReported")));
        Assert.Equal(["m-1"], Ids(await server.Client.GetJsonAsync("/api/messages/waiting?name=CloseContactReported&page=2&pageSize=1")));

        await server.Client.StartAsync("contact", "460105001001");
        Assert.Equal(["m-3", "m-2"], Ids(await server.Client.GetJsonAsync("/api/messages/waiting")).Order().Reverse());
        await server.Client.PostAsync("/api/clock/advance", new { duration = "PT2H" });
        Assert.DoesNotContain("m-3", Ids(await server.Client.GetJsonAsync("/api/messages/waiting")));
    }

    [Fact]
    public async Task Waiting_AdministratorOfAnotherRegion_OnlyTheirsAndUnkeyed()
    {
        using var database = TestDatabase.Create("sqlite");
        await using var server = await ApiServer.StartAsync(database);
        await Buffer(server, "m-46", "CloseContactReported", "460105001001", null);
        await Buffer(server, "m-44", "CloseContactReported", "440105001001", null);
        await Buffer(server, "m-order", "Other", "order-7", null);
        using var guangdong = server.ClientFor("admin-44", "administrator:44");
        using var assessor = server.ClientFor("assessor", "county-assessor:460105");

        Assert.Equal(["m-44", "m-order"], Ids(await guangdong.GetJsonAsync("/api/messages/waiting")).Order());
        Assert.Equal(["m-46", "m-order"], Ids(await server.Client.GetJsonAsync("/api/messages/waiting")).Order());
        Assert.Equal(HttpStatusCode.Forbidden, (await assessor.GetAsync("/api/messages/waiting")).StatusCode);
    }

    [Theory]
    [InlineData("pageSize=501", "pageSize")]
    [InlineData("page=-1", "page")]
    [InlineData("page=two", "page")]
    public async Task Waiting_BadQuery_BadRequestNamingTheField(string query, string field)
    {
        using var database = TestDatabase.Create("sqlite");
        await using var server = await ApiServer.StartAsync(database);
        await (await server.Client.GetAsync($"/api/messages/waiting?{query}")).AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    private static async Task Buffer(WuyiServer server, string messageId, string name, string key, string? ttl)
    {
        var response = await server.Client.PostAsync("/api/messages", new { name, correlationKey = key, messageId, ttl });
        var body = await response.JsonAsync();
        Assert.True(body.GetProperty("buffered").GetBoolean(), body.ToString());
    }

    private static List<JsonElement> Items(JsonElement page) => [.. page.GetProperty("items").EnumerateArray()];

    private static List<string> Ids(JsonElement page) => [.. Items(page).Select(i => i.Str("messageId"))];
}
