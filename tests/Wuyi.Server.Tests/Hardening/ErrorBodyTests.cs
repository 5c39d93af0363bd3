using System.Net;
using Wuyi.Server.Tests.Apis;
using Wuyi.Testing;

namespace Wuyi.Server.Tests.Hardening;

/// <summary>Issue 10, item 4: a 400 says what was wrong in the API's terms (field, expected, got), never a .NET type.</summary>
public sealed class ErrorBodyTests
{
    [Fact]
    public async Task Start_ProcessKeyANumber_400NamingFieldExpectedAndGot()
    {
        using var database = TestDatabase.Create("sqlite");
        await using var server = await ApiServer.StartAsync(database);

        var response = await server.Client.PostJsonTextAsync("/api/instances", """{"processKey": 5}""");

        var problem = await response.AssertRefusedAsync(HttpStatusCode.BadRequest, "processKey");
        Assert.Equal("a string", problem.Str("expected"));
        Assert.Equal("the number 5", problem.Str("got"));
    }

    [Fact]
    public async Task Signals_OccurredAtNotADate_400SayingWhatADateLooksLike()
    {
        using var database = TestDatabase.Create("sqlite");
        await using var server = await ApiServer.StartAsync(database);

        var response = await server.Client.PostJsonTextAsync("/api/signals",
            """[{"id":"s1","type":"close-contact","areaCode":"460105001001","occurredAt":"yesterday"}]""");

        var problem = await response.AssertRefusedAsync(HttpStatusCode.BadRequest, "[0].occurredAt");
        Assert.Contains("ISO 8601", problem.Str("expected"));
        Assert.Equal("the string 'yesterday'", problem.Str("got"));
    }

    [Fact]
    public async Task Start_BodyAnArray_400SayingAnObjectIsExpected()
    {
        using var database = TestDatabase.Create("sqlite");
        await using var server = await ApiServer.StartAsync(database);

        var response = await server.Client.PostJsonTextAsync("/api/instances", "[1,2]");

        var problem = await response.AssertRefusedAsync(HttpStatusCode.BadRequest, "the body");
        Assert.Equal("an object", problem.Str("expected"));
        Assert.Equal("an array", problem.Str("got"));
    }

    [Fact]
    public async Task Start_InvalidJson_400WithoutInternals()
    {
        using var database = TestDatabase.Create("sqlite");
        await using var server = await ApiServer.StartAsync(database);

        var response = await server.Client.PostJsonTextAsync("/api/instances", """{"processKey": """);

        await response.AssertRefusedAsync(HttpStatusCode.BadRequest, "body");
    }

    [Fact]
    public async Task Start_NoBody_400SayingABodyIsRequired()
    {
        using var database = TestDatabase.Create("sqlite");
        await using var server = await ApiServer.StartAsync(database);

        var response = await server.Client.PostAsync("/api/instances", null);

        var problem = await response.AssertRefusedAsync(HttpStatusCode.BadRequest, "body");
        Assert.Contains("required", problem.Str("detail"));
    }

    [Fact]
    public async Task List_PageNotAnInteger_400NamingTheParameter()
    {
        using var database = TestDatabase.Create("sqlite");
        await using var server = await ApiServer.StartAsync(database);

        var response = await server.Client.GetAsync("/api/instances?page=abc");

        var problem = await response.AssertRefusedAsync(HttpStatusCode.BadRequest, "page");
        Assert.Equal("an integer", problem.Str("expected"));
        Assert.Equal("'abc'", problem.Str("got"));
    }

    [Fact]
    public async Task Retry_IncidentIdNotAnInteger_400OrNotFoundWithoutInternals()
    {
        using var database = TestDatabase.Create("sqlite");
        await using var server = await ApiServer.StartAsync(database);

        var response = await server.Client.PostAsync("/api/incidents/x/retry", null);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, response.StatusCode.ToString());
        ClrNames.AssertNone(await response.Content.ReadAsStringAsync());
    }
}
