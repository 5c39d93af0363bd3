using System.Net;
using Wuyi.Server.Tests.Apis;
using Wuyi.Testing;

namespace Wuyi.Server.Tests.Hardening;

/// <summary>Issue 10, item 10: OpenTelemetry metrics with a Prometheus endpoint, off unless a setting turns it on.</summary>
public sealed class TelemetryTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Metrics_PrometheusOnAfterATransition_ShowsTheTransitionCounter(string kind)
    {
        using var database = TestDatabase.Create(kind);
        await using var server = await ApiServer.StartAsync(database, settings: new() { ["Wuyi:Telemetry:Prometheus"] = "true" });
        await server.Client.DeployOkAsync(ApiModels.Review);
        var id = (await server.Client.StartAsync("review")).Str("id");
        var task = (await server.Client.OpenTasksAsync(id))[0].Str("id");
        Assert.Equal(HttpStatusCode.OK, (await server.Client.PostAsync($"/api/tasks/{task}/complete", new { variables = new { } })).StatusCode);

        var metrics = await server.Client.GetStringAsync("/metrics");

        var counter = metrics.Split('\n').FirstOrDefault(l => l.StartsWith("wuyi_transitions_total", StringComparison.Ordinal));
        Assert.True(counter is not null, metrics);
        Assert.True(double.Parse(counter.Split(' ')[^1], System.Globalization.CultureInfo.InvariantCulture) >= 2, counter);
        Assert.Contains("wuyi_batch_size", metrics);
        Assert.Contains("http_server_request_duration_seconds", metrics);
    }

    [Fact]
    public async Task Metrics_ByDefault_NotServed()
    {
        using var database = TestDatabase.Create("sqlite");
        await using var server = await ApiServer.StartAsync(database);

        var response = await server.Client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
