using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wuyi.Testing;

namespace Wuyi.Server.Tests.Apis;

public sealed class HealthApiTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Readyz_Migrated_Healthy(string kind)
    {
        using var database = TestDatabase.Create(kind);
        await using var server = await WuyiServer.StartAsync(database.Setting);

        var live = await server.Client.GetAsync("/healthz");
        var ready = await server.Client.GetFromJsonAsync<JsonElement>("/readyz");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("healthy", ready.GetProperty("status").GetString());
        Assert.Equal(database.Target.Description, ready.GetProperty("checks").GetProperty("database").GetProperty("description").GetString());
    }

    [Fact]
    public async Task Readyz_NotMigrated_UnhealthyNamingTheModule()
    {
        using var database = TestDatabase.Create("sqlite");
        await using var server = await WuyiServer.StartAsync(database.Setting, migrate: false);

        var live = await server.Client.GetAsync("/healthz");
        var ready = await server.Client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("migrations pending for: runtime, certification", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnknownRoute_ProblemDetails()
    {
        using var database = TestDatabase.Create("sqlite");
        await using var server = await WuyiServer.StartAsync(database.Setting);

        var response = await server.Client.GetAsync("/api/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
