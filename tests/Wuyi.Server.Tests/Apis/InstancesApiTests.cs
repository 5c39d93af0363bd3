using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wuyi.Runtime.Store;
using Wuyi.Testing;

namespace Wuyi.Server.Tests.Apis;

public sealed class InstancesApiTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Start_UserTaskProcess_WaitingAtTheTask(string kind)
    {
        using var database = TestDatabase.Create(kind);
        await using var server = await ApiServer.StartAsync(database);
        await server.Client.DeployOkAsync(ApiModels.Review);

        var response = await server.Client.PostAsync("/api/instances",
            new { processKey = "review", businessKey = "460105001001", variables = new { applicant = "武夷山茶厂", score = 3 } }, user: "clerk");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var instance = await response.JsonAsync();
        var id = instance.Str("id");
        Assert.Equal($"/api/instances/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("waiting", instance.Str("state"));
        Assert.Equal(["Review"], instance.Strings("active"));
        Assert.Equal("review", instance.Str("processKey"));
        Assert.Equal(1, instance.GetProperty("version").GetInt32());
        Assert.Equal("460105001001", instance.Str("businessKey"));
        Assert.Equal("460105001001", instance.Str("regionCode"));
        Assert.Equal("武夷山茶厂", instance.GetProperty("variables").Str("applicant"));
        Assert.Equal(3, instance.GetProperty("variables").GetProperty("score").GetInt32());
        Assert.False(instance.GetProperty("suspended").GetBoolean());
        Assert.False(instance.GetProperty("cancelled").GetBoolean());
        var task = Assert.Single(await server.Client.OpenTasksAsync(id));
        Assert.Equal("Review", task.Str("elementId"));
        Assert.Equal(["township-reviewer", "county-reviewer"], task.Strings("candidateGroups"));
        Assert.Equal(instance.ToString(), (await server.Client.InstanceAsync(id)).ToString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task List_OneStoredStateUnreadable_OthersListedNoServerError(string kind)
    {
        using var database = TestDatabase.Create(kind);
        await using var server = await ApiServer.StartAsync(database);
        await server.Client.DeployOkAsync(ApiModels.Review);
        var ids = new List<string>();
        for (var n = 0; n < 3; n++)
            ids.Add((await server.Client.StartAsync("review", $"46010500100{n}", user: "clerk")).Str("id"));
        await using (var scope = server.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<RuntimeDbContext>().Instances.Where(i => i.Id == ids[1])
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.State, "{\"v\":2,\"x\":" + new string('[', 100) + new string(']', 100) + "}"));

        var response = await server.Client.GetAsync("/api/instances");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, (await response.JsonAsync()).GetProperty("total").GetInt32());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Start_VariableNestedPastLimit_400NamingTheLimitNothingWritten(string kind)
    {
        using var database = TestDatabase.Create(kind);
        await using var server = await ApiServer.StartAsync(database);
        await server.Client.DeployOkAsync(ApiModels.Review);
        var deep = new StringBuilder("1");
        for (var n = 0; n < 40; n++)
            deep.Insert(0, "{\"a\":").Append('}');

        var response = await server.Client.PostAsync("/api/instances",
            new StringContent($$$"""{"processKey":"review","variables":{"address":{{{deep}}}}}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("MaxJsonDepth", (await response.JsonAsync()).Str("detail"));
        Assert.Equal(0, (await server.Client.GetJsonAsync("/api/instances")).GetProperty("total").GetInt32());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Complete_OpenTask_InstanceCompletedAndHistoryNamesTheActors(string kind)
    {
        using var database = TestDatabase.Create(kind);
        await using var server = await ApiServer.StartAsync(database);
        await server.Client.DeployOkAsync(ApiModels.Review);
        var id = (await server.Client.StartAsync("review", "460105001001", user: "clerk")).Str("id");
        var taskId = (await server.Client.OpenTasksAsync(id))[0].Str("id");

        var response = await server.Client.PostAsync($"/api/tasks/{taskId}/complete", new { variables = new { approved = true } }, user: "alice");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var task = await response.JsonAsync();
        Assert.Equal("completed", task.Str("state"));
        Assert.Equal("alice", task.Str("completedBy"));
        Assert.True(task.GetProperty("outcome").GetProperty("approved").GetBoolean());
        var instance = await server.Client.InstanceAsync(id);
        Assert.Equal("completed", instance.Str("state"));
        Assert.Empty(instance.Strings("active"));
        Assert.True(instance.GetProperty("variables").GetProperty("approved").GetBoolean());
        Assert.NotEqual(JsonValueKindNull, instance.GetProperty("endedAt").ValueKind);
        var history = await server.Client.HistoryAsync(id);
        var lines = history.Select(e => $"{e.Str("type")} {(e.TryGetProperty("element", out var el) ? el.GetString() : "")} {e.Str("actor")}").ToList();
        Assert.Equal("instance-started  clerk", lines[0]);
        Assert.Contains("task-created Review clerk", lines);
        Assert.Contains("activity-completed Review alice", lines);
        Assert.Equal("instance-completed  alice", lines[^1]);
        Assert.All(history, e => Assert.Equal(id, e.Str("instance")));
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Start_SameIdempotencyKey_SecondReturnsTheFirstInstance(string kind)
    {
        using var database = TestDatabase.Create(kind);
        await using var server = await ApiServer.StartAsync(database);
        await server.Client.DeployOkAsync(ApiModels.Review);
        var body = new { processKey = "review", businessKey = "460105001001" };

        var first = await server.Client.PostAsync("/api/instances", body, idempotencyKey: "request-42");
        var second = await server.Client.PostAsync("/api/instances", body, idempotencyKey: "request-42");
        var other = await server.Client.PostAsync("/api/instances", body, idempotencyKey: "request-43");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        var id = (await first.JsonAsync()).Str("id");
        Assert.Equal(id, (await second.JsonAsync()).Str("id"));
        Assert.NotEqual(id, (await other.JsonAsync()).Str("id"));
        Assert.Equal(2, (await server.Client.GetJsonAsync("/api/instances?processKey=review")).GetProperty("total").GetInt32());
        Assert.Single(await server.Client.OpenTasksAsync(id));
    }

    [Fact]
    public async Task Start_BadRequests_ProblemDetails()
    {
        using var database = TestDatabase.Create("sqlite");
        await using var server = await ApiServer.StartAsync(database);
        await server.Client.DeployOkAsync(ApiModels.Review);

        var unknown = await server.Client.PostAsync("/api/instances", new { processKey = "nothing" });
        var noKey = await server.Client.PostAsync("/api/instances", new { businessKey = "1" });
        var badVariables = await server.Client.PostAsync("/api/instances", new { processKey = "review", variables = new[] { 1, 2 } });
        var malformed = await server.Client.PostAsync("/api/instances", new StringContent("{\"processKey\": ", Encoding.UTF8, "application/json"));
        await server.Client.PostAsync("/api/instances", new { processKey = "review" }, idempotencyKey: "k1");
        await server.Client.DeployOkAsync(ApiModels.Alert);
        var reused = await server.Client.PostAsync("/api/instances", new { processKey = "alert" }, idempotencyKey: "k1");

        await unknown.AssertProblemAsync(HttpStatusCode.BadRequest, "nothing", "deployed");
        await noKey.AssertProblemAsync(HttpStatusCode.BadRequest, "processKey");
        await badVariables.AssertProblemAsync(HttpStatusCode.BadRequest, "variables must be a JSON object");
        await malformed.AssertProblemAsync(HttpStatusCode.BadRequest, "JSON");
        await reused.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "k1", "review");
    }

    [Fact]
    public async Task Get_UnknownInstance_NotFoundProblem()
    {
        using var database = TestDatabase.Create("sqlite");
        await using var server = await ApiServer.StartAsync(database);

        await (await server.Client.GetAsync("/api/instances/nope")).AssertProblemAsync(HttpStatusCode.NotFound, "nope");
        await (await server.Client.GetAsync("/api/instances/nope/history")).AssertProblemAsync(HttpStatusCode.NotFound, "nope");
        await (await server.Client.PostAsync("/api/instances/nope/suspend", null)).AssertProblemAsync(HttpStatusCode.NotFound, "nope");
        await (await server.Client.PostAsync("/api/instances/nope/cancel", null)).AssertProblemAsync(HttpStatusCode.NotFound, "nope");
        await (await server.Client.GetAsync("/api/instances?state=sleeping")).AssertProblemAsync(HttpStatusCode.BadRequest, "sleeping");
        await (await server.Client.GetAsync("/api/instances?pageSize=100000")).AssertProblemAsync(HttpStatusCode.BadRequest, "pageSize");
        await (await server.Client.DeleteAsync("/api/instances")).AssertProblemAsync(HttpStatusCode.MethodNotAllowed, "DELETE");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task List_ByRegionStateAndBusinessKey_FilteredAndPaged(string kind)
    {
        using var database = TestDatabase.Create(kind);
        await using var server = await ApiServer.StartAsync(database);
        await server.Client.DeployOkAsync(ApiModels.Review);
        var a = (await server.Client.StartAsync("review", "460105001001")).Str("id");
        var b = (await server.Client.StartAsync("review", "460105002001")).Str("id");
        var c = (await server.Client.StartAsync("review", "460106001001")).Str("id");
        var taskOfA = (await server.Client.OpenTasksAsync(a))[0].Str("id");
        await server.Client.PostAsync($"/api/tasks/{taskOfA}/complete", new { });

        var region = await server.Client.GetJsonAsync("/api/instances?region=460105");
        var waiting = await server.Client.GetJsonAsync("/api/instances?region=460105&state=waiting");
        var byKey = await server.Client.GetJsonAsync("/api/instances?businessKey=460106001001");
        var page2 = await server.Client.GetJsonAsync("/api/instances?pageSize=2&page=2");

        Assert.Equal([a, b], region.GetProperty("items").EnumerateArray().Select(i => i.Str("id")).Order());
        Assert.Equal(2, region.GetProperty("total").GetInt32());
        Assert.Equal([b], waiting.GetProperty("items").EnumerateArray().Select(i => i.Str("id")));
        Assert.Equal([c], byKey.GetProperty("items").EnumerateArray().Select(i => i.Str("id")));
        Assert.Equal(3, page2.GetProperty("total").GetInt32());
        Assert.Equal(2, page2.GetProperty("page").GetInt32());
        Assert.Single(page2.GetProperty("items").EnumerateArray());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Suspend_CompletionHeld_ResumeAppliesIt(string kind)
    {
        using var database = TestDatabase.Create(kind);
        await using var server = await ApiServer.StartAsync(database);
        await server.Client.DeployOkAsync(ApiModels.Review);
        var id = (await server.Client.StartAsync("review", "460105001001")).Str("id");
        var taskId = (await server.Client.OpenTasksAsync(id))[0].Str("id");

        var suspend = await server.Client.PostAsync($"/api/instances/{id}/suspend", null, user: "admin");
        var complete = await server.Client.PostAsync($"/api/tasks/{taskId}/complete", new { variables = new { approved = true } }, user: "alice");
        var whileSuspended = await server.Client.InstanceAsync(id);
        var resume = await server.Client.PostAsync($"/api/instances/{id}/resume", null, user: "admin");

        Assert.Equal(HttpStatusCode.OK, suspend.StatusCode);
        Assert.True((await suspend.JsonAsync()).GetProperty("suspended").GetBoolean());
        Assert.Equal(HttpStatusCode.Accepted, complete.StatusCode);
        Assert.Equal("waiting", whileSuspended.Str("state"));
        Assert.True(whileSuspended.GetProperty("suspended").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, resume.StatusCode);
        var resumed = await resume.JsonAsync();
        Assert.False(resumed.GetProperty("suspended").GetBoolean());
        Assert.Equal("completed", resumed.Str("state"));
        var types = (await server.Client.HistoryAsync(id)).Select(e => $"{e.Str("type")} {e.Str("actor")}").ToList();
        Assert.Contains("instance-suspended admin", types);
        Assert.Contains("instance-resumed admin", types);
        Assert.Contains("instance-completed alice", types);
        await (await server.Client.PostAsync($"/api/instances/{id}/suspend", null))
            .AssertProblemAsync(HttpStatusCode.Conflict, id, "completed");
    }

    [Fact]
    public async Task Resume_HeldCompletion_TaskRowCompleted()
    {
        using var database = TestDatabase.Create("sqlite");
        await using var server = await ApiServer.StartAsync(database);
        await server.Client.DeployOkAsync(ApiModels.Review);
        var id = (await server.Client.StartAsync("review")).Str("id");
        var taskId = (await server.Client.OpenTasksAsync(id))[0].Str("id");
        await server.Client.PostAsync($"/api/instances/{id}/suspend", null, user: "admin");
        await server.Client.PostAsync($"/api/tasks/{taskId}/complete", new { variables = new { approved = true } }, user: "alice");

        await server.Client.PostAsync($"/api/instances/{id}/resume", null, user: "admin");

        var task = await server.Client.GetJsonAsync($"/api/tasks/{taskId}");
        Assert.Equal("completed", task.Str("state"));
        Assert.Equal("alice", task.Str("completedBy"));
        Assert.True(task.GetProperty("outcome").GetProperty("approved").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Cancel_Parent_CascadesToTheCalledChild(string kind)
    {
        using var database = TestDatabase.Create(kind);
        await using var server = await ApiServer.StartAsync(database);
        await server.Client.DeployOkAsync(ApiModels.ParentAndChild);
        var parent = await server.Client.StartAsync("parent", "460105001001");
        var parentId = parent.Str("id");
        Assert.Equal(["CallChild"], parent.Strings("active"));
        var child = Assert.Single((await server.Client.GetJsonAsync($"/api/instances?parentId={parentId}")).GetProperty("items").EnumerateArray());
        Assert.Equal("child", child.Str("processKey"));
        Assert.Equal(["Inspect"], child.Strings("active"));

        var response = await server.Client.PostAsync($"/api/instances/{parentId}/cancel", new { reason = "withdrawn by the applicant" }, user: "admin");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cancelled = await response.JsonAsync();
        Assert.Equal("terminated", cancelled.Str("state"));
        Assert.True(cancelled.GetProperty("cancelled").GetBoolean());
        var childAfter = await server.Client.InstanceAsync(child.Str("id"));
        Assert.Equal("terminated", childAfter.Str("state"));
        Assert.True(childAfter.GetProperty("cancelled").GetBoolean());
        Assert.Empty(await server.Client.OpenTasksAsync(child.Str("id")));
        Assert.Contains(await server.Client.HistoryAsync(parentId), e => e.Str("type") == "instance-terminated" && e.Str("actor") == "admin");
        var again = await server.Client.PostAsync($"/api/instances/{parentId}/cancel", null, user: "admin");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Cancel_CompletedInstance_ConflictProblem()
    {
        using var database = TestDatabase.Create("sqlite");
        await using var server = await ApiServer.StartAsync(database);
        await server.Client.DeployOkAsync(ApiModels.Review);
        var id = (await server.Client.StartAsync("review")).Str("id");
        await server.Client.PostAsync($"/api/tasks/{(await server.Client.OpenTasksAsync(id))[0].Str("id")}/complete", null);

        var response = await server.Client.PostAsync($"/api/instances/{id}/cancel", null, user: "admin");

        await response.AssertProblemAsync(HttpStatusCode.Conflict, id, "completed");
    }
}
