using System.Net;
using Wuyi.Testing;

namespace Wuyi.Server.Tests.Apis;

public sealed class TasksApiTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Complete_TwoPeopleAtOnce_OneWinsTheOtherIsToldWhoAndWhen(string kind)
    {
        using var database = TestDatabase.Create(kind);
        await using var server = await ApiServer.StartAsync(database);
        await server.Client.DeployOkAsync(ApiModels.Review);
        for (var round = 0; round < 3; round++)
        {
            var id = (await server.Client.StartAsync("review", "460105001001")).Str("id");
            var taskId = (await server.Client.OpenTasksAsync(id))[0].Str("id");

            var responses = await Task.WhenAll(
                server.Client.PostAsync($"/api/tasks/{taskId}/complete", new { variables = new { by = "alice" } }, user: "alice"),
                server.Client.PostAsync($"/api/tasks/{taskId}/complete", new { variables = new { by = "bob" } }, user: "bob"));

            var winner = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
            var loser = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
            var winnerName = (await winner.JsonAsync()).Str("completedBy");
            await loser.AssertProblemAsync(HttpStatusCode.Conflict, $"completed by {winnerName} at ");
            var instance = await server.Client.InstanceAsync(id);
            Assert.Equal("completed", instance.Str("state"));
            Assert.Equal(winnerName, instance.GetProperty("variables").Str("by"));
            Assert.Single(await server.Client.HistoryAsync(id), e => e.Str("type") == "activity-completed" && e.GetProperty("element").GetString() == "Review");
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Complete_SamePersonTwice_BothOkAndOneTransition(string kind)
    {
        using var database = TestDatabase.Create(kind);
        await using var server = await ApiServer.StartAsync(database);
        await server.Client.DeployOkAsync(ApiModels.Review);
        var id = (await server.Client.StartAsync("review")).Str("id");
        var taskId = (await server.Client.OpenTasksAsync(id))[0].Str("id");

        var first = await server.Client.PostAsync($"/api/tasks/{taskId}/complete", new { variables = new { n = 1 } }, user: "alice");
        var second = await server.Client.PostAsync($"/api/tasks/{taskId}/complete", new { variables = new { n = 1 } }, user: "alice");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal((await first.JsonAsync()).ToString(), (await second.JsonAsync()).ToString());
        var instance = await server.Client.InstanceAsync(id);
        Assert.Equal(2, instance.GetProperty("revision").GetInt32());
        Assert.Single(await server.Client.HistoryAsync(id), e => e.Str("type") == "instance-completed");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Claim_ByAnother_ConflictNamingTheClaimant(string kind)
    {
        using var database = TestDatabase.Create(kind);
        await using var server = await ApiServer.StartAsync(database);
        await server.Client.DeployOkAsync(ApiModels.Review);
        var id = (await server.Client.StartAsync("review")).Str("id");
        var taskId = (await server.Client.OpenTasksAsync(id))[0].Str("id");

        var claim = await server.Client.PostAsync($"/api/tasks/{taskId}/claim", null, user: "alice");
        var claimAgain = await server.Client.PostAsync($"/api/tasks/{taskId}/claim", null, user: "alice");
        var bobClaims = await server.Client.PostAsync($"/api/tasks/{taskId}/claim", null, user: "bob");
        var bobCompletes = await server.Client.PostAsync($"/api/tasks/{taskId}/complete", null, user: "bob");
        var bobUnclaims = await server.Client.PostAsync($"/api/tasks/{taskId}/unclaim", null, user: "bob");

        Assert.Equal(HttpStatusCode.OK, claim.StatusCode);
        var claimed = await claim.JsonAsync();
        Assert.Equal("alice", claimed.Str("claimedBy"));
        Assert.Equal("alice", claimed.Str("assignee"));
        Assert.Equal(HttpStatusCode.OK, claimAgain.StatusCode);
        await bobClaims.AssertProblemAsync(HttpStatusCode.Conflict, "claimed by alice at ");
        await bobCompletes.AssertProblemAsync(HttpStatusCode.Conflict, "claimed by alice at ");
        await bobUnclaims.AssertProblemAsync(HttpStatusCode.Conflict, "claimed by alice at ");
        Assert.Equal("waiting", (await server.Client.InstanceAsync(id)).Str("state"));

        var unclaim = await server.Client.PostAsync($"/api/tasks/{taskId}/unclaim", null, user: "alice");
        var bobClaimsNow = await server.Client.PostAsync($"/api/tasks/{taskId}/claim", null, user: "bob");

        Assert.Equal(HttpStatusCode.OK, unclaim.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bobClaimsNow.StatusCode);
        Assert.Equal("bob", (await bobClaimsNow.JsonAsync()).Str("claimedBy"));
    }

    [Fact]
    public async Task Get_IdAsIsOrEscaped_SameTask()
    {
        using var database = TestDatabase.Create("sqlite");
        await using var server = await ApiServer.StartAsync(database);
        await server.Client.DeployOkAsync(ApiModels.Review);
        var id = (await server.Client.StartAsync("review")).Str("id");
        var taskId = (await server.Client.OpenTasksAsync(id))[0].Str("id");

        var asIs = await server.Client.GetJsonAsync($"/api/tasks/{taskId}");
        var escaped = await server.Client.GetJsonAsync($"/api/tasks/{Uri.EscapeDataString(taskId)}");
        var claimEscaped = await server.Client.PostAsync($"/api/tasks/{Uri.EscapeDataString(taskId)}/claim", null, user: "alice");

        Assert.Equal(taskId, asIs.Str("id"));
        Assert.Contains("/", taskId);
        Assert.Equal(asIs.ToString(), escaped.ToString());
        Assert.Equal(HttpStatusCode.OK, claimEscaped.StatusCode);
    }

    [Fact]
    public async Task List_ByCandidateGroupAssigneeAndState_Filtered()
    {
        using var database = TestDatabase.Create("sqlite");
        await using var server = await ApiServer.StartAsync(database);
        await server.Client.DeployOkAsync(ApiModels.Review);
        await server.Client.DeployOkAsync(ApiModels.ParentAndChild);
        var a = (await server.Client.StartAsync("review")).Str("id");
        var b = (await server.Client.StartAsync("review")).Str("id");
        await server.Client.StartAsync("parent");
        var taskOfB = (await server.Client.OpenTasksAsync(b))[0].Str("id");
        await server.Client.PostAsync($"/api/tasks/{taskOfB}/claim", null, user: "carol");

        var reviewers = await server.Client.GetJsonAsync("/api/tasks?candidateGroup=county-reviewer&state=open");
        var partialGroup = await server.Client.GetJsonAsync("/api/tasks?candidateGroup=reviewer");
        var carol = await server.Client.GetJsonAsync("/api/tasks?assignee=carol");
        var inspect = await server.Client.GetJsonAsync("/api/tasks?element=Inspect");

        Assert.Equal(2, reviewers.GetProperty("total").GetInt32());
        Assert.Equal(0, partialGroup.GetProperty("total").GetInt32());
        Assert.Equal([taskOfB], carol.GetProperty("items").EnumerateArray().Select(t => t.Str("id")));
        Assert.Equal(1, inspect.GetProperty("total").GetInt32());
        Assert.NotEqual(a, b);
    }

    [Fact]
    public async Task Actions_UnknownTaskOrBadInput_ProblemDetails()
    {
        using var database = TestDatabase.Create("sqlite");
        await using var server = await ApiServer.StartAsync(database);
        await server.Client.DeployOkAsync(ApiModels.Review);
        var id = (await server.Client.StartAsync("review")).Str("id");
        var taskId = (await server.Client.OpenTasksAsync(id))[0].Str("id");

        await (await server.Client.GetAsync("/api/tasks/nope/w1")).AssertProblemAsync(HttpStatusCode.NotFound, "nope/w1");
        await (await server.Client.PostAsync("/api/tasks/nope/w1/claim", null)).AssertProblemAsync(HttpStatusCode.NotFound, "nope/w1");
        await (await server.Client.PostAsync("/api/tasks/nope/w1/complete", null)).AssertProblemAsync(HttpStatusCode.NotFound, "nope/w1");
        await (await server.Client.PostAsync($"/api/tasks/{taskId}/complete", new { variables = "yes" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "variables must be a JSON object");
        await (await server.Client.GetAsync("/api/tasks?state=done")).AssertProblemAsync(HttpStatusCode.BadRequest, "done");
    }
}
