using System.Net;
using Wuyi.Testing;

namespace Wuyi.Server.Tests.Apis;

public sealed class ClockApiTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Advance_P7D_FiresEveryTimerInDueOrder(string kind)
    {
        using var database = TestDatabase.Create(kind);
        await using var server = await ApiServer.StartAsync(database, manualClock: true);
        await server.Client.DeployOkAsync(ApiModels.Timers);
        var week = (await server.Client.StartAsync("week")).Str("id");
        var days = (await server.Client.StartAsync("days")).Str("id");
        var before = await server.Client.GetJsonAsync("/api/clock");

        var response = await server.Client.PostAsync("/api/clock/advance", new { duration = "P7D" }, user: "admin");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await response.JsonAsync();
        var start = before.GetProperty("now").GetDateTimeOffset();
        Assert.Equal(DateTimeOffset.Parse("2022-08-24T01:00:00Z", System.Globalization.CultureInfo.InvariantCulture), start);
        Assert.Equal(start.AddDays(7), after.GetProperty("now").GetDateTimeOffset());
        Assert.Equal(2, after.GetProperty("fired").GetInt32());
        Assert.Equal(start.AddDays(7), (await server.Client.GetJsonAsync("/api/clock")).GetProperty("now").GetDateTimeOffset());
        Assert.Equal(["Review"], (await server.Client.InstanceAsync(week)).Strings("active"));
        Assert.Equal(["Check"], (await server.Client.InstanceAsync(days)).Strings("active"));
        var firedAt = new Dictionary<string, DateTimeOffset>();
        foreach (var id in (string[])[week, days])
            firedAt[id] = (await server.Client.HistoryAsync(id)).Single(e => e.Str("type") == "timer-fired").GetProperty("at").GetDateTimeOffset();
        Assert.Equal(start.AddDays(2), firedAt[days]);
        Assert.Equal(start.AddDays(7), firedAt[week]);
        var task = (await server.Client.OpenTasksAsync(days))[0];
        Assert.Equal(start.AddDays(2), task.GetProperty("createdAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Advance_BeforeTheDueTime_NothingFires()
    {
        using var database = TestDatabase.Create("sqlite");
        await using var server = await ApiServer.StartAsync(database, manualClock: true);
        await server.Client.DeployOkAsync(ApiModels.Timers);
        var week = (await server.Client.StartAsync("week")).Str("id");

        var response = await server.Client.PostAsync("/api/clock/advance", new { duration = "P6DT23H" });

        Assert.Equal(0, (await response.JsonAsync()).GetProperty("fired").GetInt32());
        Assert.Equal(["SevenDays"], (await server.Client.InstanceAsync(week)).Strings("active"));
    }

    [Fact]
    public async Task Clock_SystemMode_NotFound()
    {
        using var database = TestDatabase.Create("sqlite");
        await using var server = await ApiServer.StartAsync(database);

        await (await server.Client.GetAsync("/api/clock")).AssertProblemAsync(HttpStatusCode.NotFound, "--clock manual");
        await (await server.Client.PostAsync("/api/clock/advance", new { duration = "P7D" })).AssertProblemAsync(HttpStatusCode.NotFound, "--clock manual");
    }

    [Fact]
    public async Task Advance_InvalidOrNegativeDuration_BadRequest()
    {
        using var database = TestDatabase.Create("sqlite");
        await using var server = await ApiServer.StartAsync(database, manualClock: true);

        await (await server.Client.PostAsync("/api/clock/advance", new { duration = "seven days" })).AssertProblemAsync(HttpStatusCode.BadRequest, "seven days");
        await (await server.Client.PostAsync("/api/clock/advance", new { duration = "-P1D" })).AssertProblemAsync(HttpStatusCode.BadRequest, "forward");
        await (await server.Client.PostAsync("/api/clock/advance", new { })).AssertProblemAsync(HttpStatusCode.BadRequest, "duration");
    }
}
