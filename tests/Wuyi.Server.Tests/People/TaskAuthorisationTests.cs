using System.Net;
using Wuyi.Server.Tests.Apis;
using static Wuyi.Server.Tests.People.PeopleModels;

namespace Wuyi.Server.Tests.People;

/// <summary>Who may see and act on a task: groups × jurisdiction, the applicant rule, administrators, conflicts.</summary>
public sealed class TaskAuthorisationTests
{
    [Fact]
    public async Task Tasks_OtherTownship_NeitherReadNorAct()
    {
        await using var s = await PeopleServer.StartAsync();
        var task = await s.ReviewTaskAsync(AreaOfA);
        var instance = task.Split('/')[0];

        await (await s.TownshipB.GetAsync($"/api/tasks/{task}")).AssertProblemAsync(HttpStatusCode.NotFound, task);
        await (await s.TownshipB.PostAsync($"/api/tasks/{task}/claim", null)).AssertProblemAsync(HttpStatusCode.NotFound, task);
        await (await s.TownshipB.PostAsync($"/api/tasks/{task}/complete", new { variables = new { ok = true } }))
            .AssertProblemAsync(HttpStatusCode.NotFound, task);
        await (await s.TownshipB.GetAsync($"/api/instances/{instance}")).AssertProblemAsync(HttpStatusCode.NotFound, instance);
        await (await s.TownshipB.GetAsync($"/api/instances/{instance}/history")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await s.TownshipB.GetJsonAsync("/api/tasks")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await s.TownshipB.GetJsonAsync("/api/instances")).GetProperty("total").GetInt32());

        var done = await PeopleServer.OkAsync(await s.TownshipA.PostAsync($"/api/tasks/{task}/complete", new { variables = new { ok = true } }));
        Assert.Equal("reviewer-a", done.Str("completedBy"));
        Assert.Equal(1, (await s.TownshipA.GetJsonAsync("/api/instances")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Complete_ApplicantOfTheArea_Forbidden()
    {
        await using var s = await PeopleServer.StartAsync();
        var task = await s.ReviewTaskAsync(AreaOfA);

        var response = await s.Applicant.PostAsync($"/api/tasks/{task}/complete", new { variables = new { ok = true } });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "applicant");
        Assert.Equal("open", (await s.Server.Client.GetJsonAsync($"/api/tasks/{task}")).Str("state"));
    }

    [Fact]
    public async Task Complete_WrongRoleInsideJurisdiction_Forbidden()
    {
        await using var s = await PeopleServer.StartAsync();
        var task = await s.ReviewTaskAsync(AreaOfA);

        // The county assessor sees the county's records but the review is the township's.
        var seen = await PeopleServer.OkAsync(await s.County.GetAsync($"/api/tasks/{task}"));
        var response = await s.County.PostAsync($"/api/tasks/{task}/claim", null);

        Assert.Equal(task, seen.Str("id"));
        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "township-reviewer:460105001");
    }

    [Fact]
    public async Task Complete_AdministratorOnSomeoneElsesTask_RecordedAsAdministrator()
    {
        await using var s = await PeopleServer.StartAsync();
        var task = await s.ReviewTaskAsync(AreaOfA);

        var done = await PeopleServer.OkAsync(await s.Admin.PostAsync($"/api/tasks/{task}/complete", new { variables = new { ok = true } }));

        Assert.Equal("administrator:admin-46", done.Str("completedBy"));
        var history = await s.Server.Client.HistoryAsync(task.Split('/')[0]);
        Assert.Contains(history, e => e.Str("actor") == "administrator:admin-46");
        var audit = await s.Server.Client.GetJsonAsync("/api/audit?user=admin-46");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), a => a.GetProperty("asAdministrator").GetBoolean() && a.Str("regionCode") == AreaOfA);
    }

    [Fact]
    public async Task Complete_ClaimedByAColleague_ConflictNamingWhoAndWhen()
    {
        await using var s = await PeopleServer.StartAsync();
        var task = await s.ReviewTaskAsync(AreaOfA);
        await PeopleServer.OkAsync(await s.TownshipA.PostAsync($"/api/tasks/{task}/claim", null));

        var problem = await (await s.TownshipA2.PostAsync($"/api/tasks/{task}/complete", new { variables = new { ok = true } }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "reviewer-a");

        Assert.Equal("reviewer-a", problem.Str("by"));
        Assert.Equal(System.Text.Json.JsonValueKind.String, JsonValueKindOf(problem, "at"));
        Assert.Contains(await s.Server.Client.HistoryAsync(task.Split('/')[0]), e => e.Str("type") == "task-claimed" && e.Str("actor") == "reviewer-a");
    }

    [Fact]
    public async Task Complete_TwoOfficialsAtOnce_OneWinsOneConflict()
    {
        await using var s = await PeopleServer.StartAsync();
        var task = await s.ReviewTaskAsync(AreaOfA);

        var answers = await Task.WhenAll(
            s.TownshipA.PostAsync($"/api/tasks/{task}/complete", new { variables = new { by = "a" } }),
            s.TownshipA2.PostAsync($"/api/tasks/{task}/complete", new { variables = new { by = "a2" } }));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        var loser = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Conflict);
        var problem = await loser.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains(problem.Str("by"), (string[])["reviewer-a", "reviewer-a2"]);
    }

    private static System.Text.Json.JsonValueKind JsonValueKindOf(System.Text.Json.JsonElement e, string name) => e.GetProperty(name).ValueKind;
}
