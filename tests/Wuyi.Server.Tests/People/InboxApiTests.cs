using System.Net;
using System.Net.Http.Json;
using Wuyi.Server.Tests.Apis;
using static Wuyi.Server.Tests.People.PeopleModels;

namespace Wuyi.Server.Tests.People;

/// <summary>My inbox: what is mine, by due date, with counts; delegating; returning to the pool.</summary>
public sealed class InboxApiTests
{
    [Fact]
    public async Task Mine_TasksOfMyGroups_ByDueDateWithCounts()
    {
        await using var s = await PeopleServer.StartAsync("postgres");
        var late = await s.ReviewTaskAsync(AreaOfA, due: "2022-08-30T09:00:00+08:00");
        var soon = await s.ReviewTaskAsync("460105001002", due: "2022-08-24T18:00:00+08:00");
        var overdue = await s.ReviewTaskAsync("460105001003", due: "2022-08-23T09:00:00+08:00");
        await s.ReviewTaskAsync(AreaOfB);
        await PeopleServer.OkAsync(await s.TownshipA.PostAsync($"/api/tasks/{late}/claim", null));

        var mine = await s.TownshipA.GetJsonAsync("/api/tasks/mine");
        var overdueOnly = await s.TownshipA.GetJsonAsync("/api/tasks/mine?overdue=true");
        var paged = await s.TownshipA.GetJsonAsync("/api/tasks/mine?page=2&pageSize=2");
        var ofB = await s.TownshipB.GetJsonAsync("/api/tasks/mine");

        Assert.Equal([overdue, soon, late], mine.GetProperty("items").EnumerateArray().Select(t => t.Str("id")));
        Assert.Equal(3, mine.GetProperty("total").GetInt32());
        var counts = mine.GetProperty("counts");
        Assert.Equal((3, 1, 2, 1, 1), (counts.GetProperty("all").GetInt32(), counts.GetProperty("assigned").GetInt32(),
            counts.GetProperty("claimable").GetInt32(), counts.GetProperty("overdue").GetInt32(), counts.GetProperty("dueSoon").GetInt32()));
        Assert.Equal([overdue], overdueOnly.GetProperty("items").EnumerateArray().Select(t => t.Str("id")));
        Assert.Equal([late], paged.GetProperty("items").EnumerateArray().Select(t => t.Str("id")));
        Assert.Equal(1, ofB.GetProperty("total").GetInt32());
        // A colleague sees the claimed task no more: it is not claimable.
        Assert.Equal(2, (await s.TownshipA2.GetJsonAsync("/api/tasks/mine")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Delegate_ColleagueWithTheGroup_TaskIsTheirsAndRecorded()
    {
        await using var s = await PeopleServer.StartAsync();
        var task = await s.ReviewTaskAsync(AreaOfA);
        await PeopleServer.OkAsync(await s.TownshipA.PostAsync($"/api/tasks/{task}/claim", null));
        await PeopleServer.OkAsync(await s.TownshipA2.GetAsync("/api/auth/me")); // the colleague exists once they signed in
        await PeopleServer.OkAsync(await s.County.GetAsync("/api/auth/me"));

        var toCounty = await s.TownshipA.PostAsJsonAsync($"/api/tasks/{task}/delegate", new { userName = "assessor" });
        var delegated = await PeopleServer.OkAsync(await s.TownshipA.PostAsJsonAsync($"/api/tasks/{task}/delegate", new { userName = "reviewer-a2" }));
        var byOldHolder = await s.TownshipA.PostAsJsonAsync($"/api/tasks/{task}/complete", new { variables = new { ok = true } });

        await toCounty.AssertProblemAsync(HttpStatusCode.BadRequest, "userName", "assessor");
        Assert.Equal("reviewer-a2", delegated.Str("claimedBy"));
        await byOldHolder.AssertProblemAsync(HttpStatusCode.Conflict, "reviewer-a2");
        var history = await s.Server.Client.HistoryAsync(task.Split('/')[0]);
        Assert.Contains(history, e => e.Str("type") == "task-delegated" && e.Str("actor") == "reviewer-a" && e.Str("to") == "reviewer-a2");
        var audit = await s.Server.Client.GetJsonAsync("/api/audit?user=reviewer-a");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), a => a.Str("detail") == "delegated to reviewer-a2");
    }

    [Fact]
    public async Task Return_ClaimedTask_BackInThePool()
    {
        await using var s = await PeopleServer.StartAsync();
        var task = await s.ReviewTaskAsync(AreaOfA);
        await PeopleServer.OkAsync(await s.TownshipA.PostAsync($"/api/tasks/{task}/claim", null));

        var byColleague = await s.TownshipA2.PostAsync($"/api/tasks/{task}/return", null);
        var returned = await PeopleServer.OkAsync(await s.TownshipA.PostAsync($"/api/tasks/{task}/return", null));
        var claimedByColleague = await PeopleServer.OkAsync(await s.TownshipA2.PostAsync($"/api/tasks/{task}/claim", null));

        await byColleague.AssertProblemAsync(HttpStatusCode.Conflict, "reviewer-a");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, returned.GetProperty("claimedBy").ValueKind);
        Assert.Equal("reviewer-a2", claimedByColleague.Str("claimedBy"));
        Assert.Contains(await s.Server.Client.HistoryAsync(task.Split('/')[0]), e => e.Str("type") == "task-returned");
    }

    [Fact]
    public async Task Audit_NotAnAdministrator_Forbidden()
    {
        await using var s = await PeopleServer.StartAsync();

        await (await s.County.GetAsync("/api/audit")).AssertProblemAsync(HttpStatusCode.Forbidden, "administrators");
    }
}
