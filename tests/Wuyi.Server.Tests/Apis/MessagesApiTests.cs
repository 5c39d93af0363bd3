using System.Net;
using Wuyi.Testing;

namespace Wuyi.Server.Tests.Apis;

public sealed class MessagesApiTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Message_ByCorrelationKey_CorrelatedToTheWaitingInstance(string kind)
    {
        using var database = TestDatabase.Create(kind);
        await using var server = await ApiServer.StartAsync(database);
        await server.Client.DeployOkAsync(ApiModels.Contact);
        var id = (await server.Client.StartAsync("contact", "460105001001")).Str("id");
        var other = (await server.Client.StartAsync("contact", "460105001002")).Str("id");

        var response = await server.Client.PostAsync("/api/messages",
            new { name = "CloseContactReported", correlationKey = "460105001001", messageId = "m-1", variables = new { closeContacts = 1 } }, user: "cdc");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.JsonAsync();
        Assert.Equal([id], result.Strings("correlated"));
        Assert.Empty(result.Strings("started"));
        Assert.False(result.GetProperty("buffered").GetBoolean());
        Assert.Equal("m-1", result.Str("messageId"));
        var instance = await server.Client.InstanceAsync(id);
        Assert.Equal(["FollowUp"], instance.Strings("active"));
        Assert.Equal(1, instance.GetProperty("variables").GetProperty("closeContacts").GetInt32());
        Assert.Contains(await server.Client.HistoryAsync(id), e => e.Str("type") == "message-correlated" && e.Str("actor") == "cdc");
        Assert.Equal(["Reported"], (await server.Client.InstanceAsync(other)).Strings("active"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Message_SameIdTenTimesAtOnce_OneEffect(string kind)
    {
        using var database = TestDatabase.Create(kind);
        await using var server = await ApiServer.StartAsync(database);
        await server.Client.DeployOkAsync(ApiModels.Contact);
        var id = (await server.Client.StartAsync("contact", "460105001001")).Str("id");
        var body = new { name = "CloseContactReported", correlationKey = "460105001001", messageId = "m-once" };

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => server.Client.PostAsync("/api/messages", body)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var history = await server.Client.HistoryAsync(id);
        Assert.Single(history, e => e.Str("type") == "message-correlated");
        Assert.Single(history, e => e.Str("type") == "task-created");
        Assert.Single(await server.Client.OpenTasksAsync(id));
        Assert.Equal(2, (await server.Client.InstanceAsync(id)).GetProperty("revision").GetInt32());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Message_BeforeItsWait_BufferedAndDeliveredWhenTheWaitAppears(string kind)
    {
        using var database = TestDatabase.Create(kind);
        await using var server = await ApiServer.StartAsync(database);
        await server.Client.DeployOkAsync(ApiModels.Contact);

        var early = await server.Client.PostAsync("/api/messages",
            new { name = "CloseContactReported", correlationKey = "460105001001", messageId = "early", variables = new { closeContacts = 2 }, ttl = "PT1H" });
        var started = await server.Client.StartAsync("contact", "460105001001");

        var result = await early.JsonAsync();
        Assert.True(result.GetProperty("buffered").GetBoolean());
        Assert.Empty(result.Strings("correlated"));
        Assert.Equal(["FollowUp"], started.Strings("active"));
        Assert.Equal(2, started.GetProperty("variables").GetProperty("closeContacts").GetInt32());
        var second = await server.Client.StartAsync("contact", "460105001001");
        Assert.Equal(["Reported"], second.Strings("active"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Message_BufferedPastItsTtl_Dropped(string kind)
    {
        using var database = TestDatabase.Create(kind);
        await using var server = await ApiServer.StartAsync(database, manualClock: true);
        await server.Client.DeployOkAsync(ApiModels.Contact);

        var early = await server.Client.PostAsync("/api/messages",
            new { name = "CloseContactReported", correlationKey = "460105001001", messageId = "stale", ttl = "PT1H" });
        var advance = await server.Client.PostAsync("/api/clock/advance", new { duration = "PT2H" }, user: "admin");
        var started = await server.Client.StartAsync("contact", "460105001001");

        Assert.True((await early.JsonAsync()).GetProperty("buffered").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, advance.StatusCode);
        Assert.Equal(["Reported"], started.Strings("active"));
        Assert.Equal("waiting", started.Str("state"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Message_RegionPrefix_ReachesOnlyInstancesUnderThePrefix(string kind)
    {
        using var database = TestDatabase.Create(kind);
        await using var server = await ApiServer.StartAsync(database);
        await server.Client.DeployOkAsync(ApiModels.Contact);
        var inside = new List<string>();
        foreach (var key in (string[])["460105001001", "460105001002", "460105002001"])
            inside.Add((await server.Client.StartAsync("contact", key)).Str("id"));
        var outside = (await server.Client.StartAsync("contact", "460106001001")).Str("id");

        var response = await server.Client.PostAsync("/api/messages", new { name = "CloseContactReported", regionPrefix = "460105", messageId = "fan-1" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(inside.Order(), (await response.JsonAsync()).Strings("correlated").Order());
        foreach (var id in inside)
            Assert.Equal(["FollowUp"], (await server.Client.InstanceAsync(id)).Strings("active"));
        Assert.Equal(["Reported"], (await server.Client.InstanceAsync(outside)).Strings("active"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Broadcast_Signal_ReachesWaitingInstancesOnce(string kind)
    {
        using var database = TestDatabase.Create(kind);
        await using var server = await ApiServer.StartAsync(database);
        await server.Client.DeployOkAsync(ApiModels.Alert);
        var a = (await server.Client.StartAsync("alert")).Str("id");
        var b = (await server.Client.StartAsync("alert")).Str("id");

        var response = await server.Client.PostAsync("/api/broadcasts", new { signal = "ProvinceWideAlert", variables = new { level = 2 } },
            user: "province", idempotencyKey: "alert-1");
        var repeat = await server.Client.PostAsync("/api/broadcasts", new { signal = "ProvinceWideAlert" }, idempotencyKey: "alert-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.JsonAsync();
        Assert.Equal("alert-1", result.Str("broadcastId"));
        Assert.Equal(new[] { a, b }.Order(), result.Strings("reached").Order());
        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        foreach (var id in (string[])[a, b])
        {
            var instance = await server.Client.InstanceAsync(id);
            Assert.Equal("completed", instance.Str("state"));
            Assert.Single(await server.Client.HistoryAsync(id), e => e.Str("type") == "signal-received");
        }
    }

    [Fact]
    public async Task Message_RepeatedAfterItsWaitWasConsumed_NotDeliveredAgainElsewhere()
    {
        using var database = TestDatabase.Create("sqlite");
        await using var server = await ApiServer.StartAsync(database);
        await server.Client.DeployOkAsync(ApiModels.Contact);
        var first = (await server.Client.StartAsync("contact", "460105001001")).Str("id");
        var body = new { name = "CloseContactReported", correlationKey = "460105001001", messageId = "m-repeat" };
        await server.Client.PostAsync("/api/messages", body);

        var repeat = await (await server.Client.PostAsync("/api/messages", body)).JsonAsync();
        var later = await server.Client.StartAsync("contact", "460105001001");

        Assert.False(repeat.GetProperty("buffered").GetBoolean(), repeat.ToString());
        Assert.Equal(["Reported"], later.Strings("active"));
        Assert.Equal(["FollowUp"], (await server.Client.InstanceAsync(first)).Strings("active"));
    }

    [Fact]
    public async Task Message_BadInput_ProblemDetails()
    {
        using var database = TestDatabase.Create("sqlite");
        await using var server = await ApiServer.StartAsync(database);

        await (await server.Client.PostAsync("/api/messages", new { correlationKey = "1" })).AssertProblemAsync(HttpStatusCode.BadRequest, "name");
        await (await server.Client.PostAsync("/api/messages", new { name = "X", ttl = "an hour" })).AssertProblemAsync(HttpStatusCode.BadRequest, "ttl", "an hour");
        await (await server.Client.PostAsync("/api/messages", new { name = "X", regionPrefix = "" })).AssertProblemAsync(HttpStatusCode.BadRequest, "regionPrefix");
        await (await server.Client.PostAsync("/api/messages", new { name = "X", variables = 3 })).AssertProblemAsync(HttpStatusCode.BadRequest, "variables");
        await (await server.Client.PostAsync("/api/messages", null)).AssertProblemAsync(HttpStatusCode.BadRequest, "body");
        await (await server.Client.PostAsync("/api/broadcasts", new { variables = new { } })).AssertProblemAsync(HttpStatusCode.BadRequest, "signal");
    }
}
