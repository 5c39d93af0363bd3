using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wuyi.Runtime.Definitions;
using Wuyi.Server.Tests.Apis;
using Wuyi.Testing;

namespace Wuyi.Server.Tests.Hardening;

/// <summary>Issue 10, item 10: the request log records the status sent; a handled race is no failure in the log.</summary>
public sealed class RequestLoggingTests
{
    private static readonly Dictionary<string, string?> Verbose = new()
    {
        ["Logging:LogLevel:Wuyi.Server.Hosting.RequestLogging"] = "Information",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Debug",
    };

    [Fact]
    public async Task Log_RequestThatFailed_RecordsThe500Sent()
    {
        using var database = TestDatabase.Create("sqlite");
        var logs = new LogCapture();
        await using var server = await ApiServer.StartAsync(database, settings: Verbose, configure: s =>
        {
            s.AddSingleton<ILoggerProvider>(logs);
            s.AddScoped<Deployment>(_ => throw new InvalidOperationException("a deployment service that fails"));
        });

        var response = await server.Client.DeployAsync(ApiModels.Review);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var line = Assert.Single(logs.Entries, e => e.Category.EndsWith("RequestLogging", StringComparison.Ordinal) && e.Message.Contains("/api/definitions"));
        Assert.Contains("answered 500", line.Message);
        Assert.DoesNotContain("a deployment service that fails", (await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Log_RefusedRequest_RecordsThe400Sent()
    {
        using var database = TestDatabase.Create("sqlite");
        var logs = new LogCapture();
        await using var server = await ApiServer.StartAsync(database, settings: Verbose, configure: s => s.AddSingleton<ILoggerProvider>(logs));

        var response = await server.Client.GetAsync("/api/instances?page=x");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(logs.Entries, e => e.Category.EndsWith("RequestLogging", StringComparison.Ordinal) && e.Message.Contains("answered 400"));
    }

    [Fact]
    public async Task Start_ConcurrentRepeatsOfOneIdempotencyKey_OneInstanceAndNoErrorLogged()
    {
        using var database = TestDatabase.Create("postgres");
        var logs = new LogCapture();
        await using var server = await ApiServer.StartAsync(database, settings: Verbose, configure: s => s.AddSingleton<ILoggerProvider>(logs));
        await server.Client.DeployOkAsync(ApiModels.Review);

        for (var round = 0; round < 5; round++)
        {
            var key = $"race-{round}";
            var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
                server.Client.PostAsync("/api/instances", new { processKey = "review", businessKey = key }, idempotencyKey: key)));
            Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, a.StatusCode.ToString()));
        }

        Assert.Equal(5, await server.Client.InstanceCountAsync());
        Assert.DoesNotContain(logs.Entries, e => e.Level >= LogLevel.Error);
    }
}
