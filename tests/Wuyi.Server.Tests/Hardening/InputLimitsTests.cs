using System.Net;
using System.Text;
using Wuyi.Server.Tests.Apis;
using Wuyi.Testing;

namespace Wuyi.Server.Tests.Hardening;

/// <summary>Issue 10, item 2 at the HTTP edge: every input has a limit, and a refusal names it.</summary>
public sealed class InputLimitsTests
{
    private static readonly string TwentyMegabyteModel = ApiModels.Review.Replace("<bpmn:startEvent id=\"Start\" />",
        "<bpmn:startEvent id=\"Start\"><bpmn:documentation>" + new string('x', 20 * 1024 * 1024) + "</bpmn:documentation></bpmn:startEvent>",
        StringComparison.Ordinal);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Deploy_BodyOverTheLimit_413NamingTheLimitChunkedOrNot(bool chunked)
    {
        using var database = TestDatabase.Create("sqlite");
        await using var server = await ApiServer.StartAsync(database);

        var (status, contentType, body) = await RawHttp.PostAsync(server, "/api/definitions", "application/xml",
            Encoding.UTF8.GetBytes(TwentyMegabyteModel), chunked);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.StartsWith("application/problem+json", contentType);
        var problem = System.Text.Json.JsonDocument.Parse(body).RootElement;
        Assert.Equal("Wuyi:Limits:MaxRequestBodyBytes", problem.Str("limit"));
        Assert.Contains("4194304 bytes", problem.Str("detail"));
        ClrNames.AssertNone(body);
        Assert.Empty((await server.Client.GetJsonAsync("/api/definitions")).EnumerateArray());
    }

    [Fact]
    public async Task Start_ChunkedJsonOverTheLimit_413()
    {
        using var database = TestDatabase.Create("sqlite");
        await using var server = await ApiServer.StartAsync(database);

        var (status, _, body) = await RawHttp.PostAsync(server, "/api/instances", "application/json",
            Encoding.UTF8.GetBytes("{\"processKey\":\"review\",\"variables\":{\"x\":\"" + new string('x', 20 * 1024 * 1024) + "\"}}"), chunked: true);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("Wuyi:Limits:MaxRequestBodyBytes", body);
    }

    [Fact]
    public async Task Start_JsonBodyOverAConfiguredLimit_413()
    {
        using var database = TestDatabase.Create("sqlite");
        await using var server = await ApiServer.StartAsync(database, settings: new() { ["Wuyi:Limits:MaxRequestBodyBytes"] = "1000" });
        await server.Client.DeployOkAsync(ApiModels.Review);

        var response = await server.Client.PostAsync("/api/instances", new { processKey = "review", variables = new { note = new string('x', 2000) } });

        var problem = await response.AssertRefusedAsync(HttpStatusCode.RequestEntityTooLarge, "body", "MaxRequestBodyBytes");
        Assert.Contains("1000 bytes", problem.Str("detail"));
        Assert.Equal(0, await server.Client.InstanceCountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Start_BusinessKeyLongerThanTheColumn_400NamingTheLimit(string kind)
    {
        using var database = TestDatabase.Create(kind);
        await using var server = await ApiServer.StartAsync(database);
        await server.Client.DeployOkAsync(ApiModels.Review);

        var response = await server.Client.PostAsync("/api/instances", new { processKey = "review", businessKey = new string('k', 201) });

        var problem = await response.AssertRefusedAsync(HttpStatusCode.BadRequest, "businessKey", "MaxKeyLength");
        Assert.Equal("201 characters", problem.Str("got"));
        Assert.Equal(0, await server.Client.InstanceCountAsync());
        Assert.Equal(HttpStatusCode.Created,
            (await server.Client.PostAsync("/api/instances", new { processKey = "review", businessKey = new string('k', 200) })).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Correlate_MessageIdLongerThanTheColumn_400NamingTheLimit(string kind)
    {
        using var database = TestDatabase.Create(kind);
        await using var server = await ApiServer.StartAsync(database);

        var response = await server.Client.PostAsync("/api/messages",
            new { name = "CloseContactReported", correlationKey = "460105001001", messageId = new string('m', 201) });

        await response.AssertRefusedAsync(HttpStatusCode.BadRequest, "messageId", "MaxKeyLength");
    }

    [Fact]
    public async Task List_QueryValueLongerThanAKey_400NamingTheParameter()
    {
        using var database = TestDatabase.Create("sqlite");
        await using var server = await ApiServer.StartAsync(database);

        var response = await server.Client.GetAsync("/api/instances?businessKey=" + new string('4', 201));

        await response.AssertRefusedAsync(HttpStatusCode.BadRequest, "query parameter businessKey", "MaxKeyLength");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Start_VariablesNestedDeeperThanTheLimit_400NamingTheLimitAndNothingWritten(string kind)
    {
        using var database = TestDatabase.Create(kind);
        await using var server = await ApiServer.StartAsync(database);
        await server.Client.DeployOkAsync(ApiModels.Review);
        var deep = new StringBuilder("{\"processKey\":\"review\",\"variables\":{\"v\":");
        for (var i = 0; i < 100; i++)
            deep.Append("{\"a\":");
        deep.Append('1').Append('}', 100).Append("}}");

        var response = await server.Client.PostJsonTextAsync("/api/instances", deep.ToString());

        var problem = await response.AssertRefusedAsync(HttpStatusCode.BadRequest, "variables.v" + string.Concat(Enumerable.Repeat(".a", 32)),
            "MaxJsonDepth");
        Assert.Contains("32 levels", problem.Str("detail"));
        Assert.Equal(0, await server.Client.InstanceCountAsync());
    }

    [Fact]
    public async Task Start_VariablesAtTheDepthLimit_Created()
    {
        using var database = TestDatabase.Create("sqlite");
        await using var server = await ApiServer.StartAsync(database);
        await server.Client.DeployOkAsync(ApiModels.Review);
        var json = "{\"processKey\":\"review\",\"variables\":{\"v\":" + string.Concat(Enumerable.Repeat("[", 31)) + "1"
            + string.Concat(Enumerable.Repeat("]", 31)) + "}}";

        var response = await server.Client.PostJsonTextAsync("/api/instances", json);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
