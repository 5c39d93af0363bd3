using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Wuyi.Runtime.Outbox;
using Wuyi.Runtime.Store;
using Wuyi.Testing;

namespace Wuyi.Server.Tests.Apis;

public sealed class IncidentsApiTests
{
    private static readonly Dictionary<string, string?> FastRetries = new()
    {
        ["Wuyi:Runtime:ServiceAttempts"] = "3",
        ["Wuyi:Runtime:ServiceRetryDelay"] = "00:00:00",
        ["Wuyi:Runtime:PollInterval"] = "00:00:00.050",
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Retry_HandlerOutOfRetries_IncidentResolvedAndInstanceCompleted(string kind)
    {
        using var database = TestDatabase.Create(kind);
        var handler = new FlakyPublisher();
        await using var server = await ApiServer.StartAsync(database, settings: FastRetries,
            configure: s => s.AddSingleton<IServiceTaskHandler>(handler));
        await server.Client.DeployOkAsync(ApiModels.Publish);
        var id = (await server.Client.StartAsync("publish", "460105001001")).Str("id");

        var incident = await WaitForIncidentAsync(server, id);

        Assert.Equal("Publish", incident.Str("elementId"));
        Assert.Equal("outbox", incident.Str("source"));
        Assert.Contains("SMTP server down", incident.Str("message"));
        Assert.Equal(3, handler.Calls);
        var instance = await server.Client.InstanceAsync(id);
        Assert.Equal(["Publish"], instance.Strings("active"));
        Assert.Equal(incident.GetProperty("id").GetInt64(), Assert.Single(instance.GetProperty("incidents").EnumerateArray()).GetProperty("id").GetInt64());

        handler.Broken = false;
        var retry = await server.Client.PostAsync($"/api/incidents/{incident.GetProperty("id").GetInt64()}/retry", null, user: "admin");

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var resolved = await retry.JsonAsync();
        Assert.Equal("admin", resolved.Str("resolvedBy"));
        // The retried row is due at once: this request carries it out unless the background loop claimed it first.
        var after = await EventuallyAsync(() => server.Client.InstanceAsync(id), i => i.Str("state") == "completed");
        Assert.Equal("completed", after.Str("state"));
        Assert.True(after.GetProperty("variables").GetProperty("published").GetBoolean());
        Assert.Empty(after.GetProperty("incidents").EnumerateArray());
        Assert.Equal(0, (await server.Client.GetJsonAsync("/api/incidents")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await server.Client.GetJsonAsync("/api/incidents?all=true")).GetProperty("total").GetInt32());
        await (await server.Client.PostAsync($"/api/incidents/{incident.GetProperty("id").GetInt64()}/retry", null))
            .AssertProblemAsync(HttpStatusCode.Conflict, "already retried by admin");
    }

    [Fact]
    public async Task Retry_UnknownIncident_NotFoundProblem()
    {
        using var database = TestDatabase.Create("sqlite");
        await using var server = await ApiServer.StartAsync(database);

        await (await server.Client.PostAsync("/api/incidents/99/retry", null)).AssertProblemAsync(HttpStatusCode.NotFound, "99");
        await (await server.Client.PostAsync("/api/incidents/abc/retry", null)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    // The retries run on the background loop (real time, polling every 50 ms): wait for the incident.
    private static async Task<System.Text.Json.JsonElement> WaitForIncidentAsync(WuyiServer server, string instanceId)
    {
        var open = await EventuallyAsync(() => server.Client.GetJsonAsync($"/api/incidents?instance={instanceId}"), p => p.GetProperty("total").GetInt32() > 0);
        if (open.GetProperty("total").GetInt32() > 0)
            return open.GetProperty("items")[0];
        using var scope = server.Services.CreateScope();
        var outbox = scope.ServiceProvider.GetRequiredService<RuntimeDbContext>().Outbox.Where(o => o.InstanceId == instanceId)
            .Select(o => $"{o.Kind} {o.Status} attempts={o.Attempts} next={o.NextAttemptAt:O} error={o.LastError}").ToList();
        throw new TimeoutException($"no incident for {instanceId} after 10 s; its outbox: {string.Join("; ", outbox)}");
    }

    private static async Task<System.Text.Json.JsonElement> EventuallyAsync(Func<Task<System.Text.Json.JsonElement>> read,
        Func<System.Text.Json.JsonElement, bool> done)
    {
        var last = await read();
        for (var i = 0; i < 200 && !done(last); i++)
        {
            await Task.Delay(50);
            last = await read();
        }
        return last;
    }

    private sealed class FlakyPublisher : IServiceTaskHandler
    {
        private int calls;

        public volatile bool Broken = true;

        public int Calls => calls;

        public string Name => "api-test-publish";

        public Task<ServiceResult> HandleAsync(ServiceCall call, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref calls);
            return Broken
                ? throw new InvalidOperationException("SMTP server down")
                : Task.FromResult(ServiceResult.Completed(new Dictionary<string, object?> { ["published"] = true }));
        }
    }
}
