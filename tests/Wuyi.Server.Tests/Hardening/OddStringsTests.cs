using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Wuyi.Server.Tests.Apis;
using Wuyi.Testing;

namespace Wuyi.Server.Tests.Hardening;

/// <summary>Issue 10, item 3: strings the databases cannot hold are refused with a 400, not stored or failed on.</summary>
public sealed class OddStringsTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Start_NulInAVariable_400NamingTheVariableAndNothingWritten(string kind)
    {
        using var database = TestDatabase.Create(kind);
        await using var server = await ApiServer.StartAsync(database);
        await server.Client.DeployOkAsync(ApiModels.Review);

        var response = await server.Client.PostAsync("/api/instances",
            new { processKey = "review", variables = new { applicant = new { name = "a\0b" } } });

        await response.AssertRefusedAsync(HttpStatusCode.BadRequest, "variables.applicant.name");
        Assert.Equal(0, await server.Client.InstanceCountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Start_NulInTheBusinessKey_400(string kind)
    {
        using var database = TestDatabase.Create(kind);
        await using var server = await ApiServer.StartAsync(database);
        await server.Client.DeployOkAsync(ApiModels.Review);

        var response = await server.Client.PostAsync("/api/instances", new { processKey = "review", businessKey = "4601\u0000" });

        await response.AssertRefusedAsync(HttpStatusCode.BadRequest, "businessKey");
        Assert.Equal(0, await server.Client.InstanceCountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task List_NulInAQueryParameter_400(string kind)
    {
        using var database = TestDatabase.Create(kind);
        await using var server = await ApiServer.StartAsync(database);

        var response = await server.Client.GetAsync("/api/tasks?businessKey=46%00");

        var problem = await response.AssertRefusedAsync(HttpStatusCode.BadRequest, "query parameter businessKey");
        Assert.Contains("NUL", problem.Str("detail"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Start_LoneSurrogateInAVariable_400(string kind)
    {
        using var database = TestDatabase.Create(kind);
        await using var server = await ApiServer.StartAsync(database);
        await server.Client.DeployOkAsync(ApiModels.Review);

        var response = await server.Client.PostJsonTextAsync("/api/instances",
            """{"processKey":"review","variables":{"list":["ok","\ud800"]}}""");

        var problem = await response.AssertRefusedAsync(HttpStatusCode.BadRequest, "variables.list[1]");
        Assert.Contains("surrogate", problem.Str("detail"));
        Assert.Equal(0, await server.Client.InstanceCountAsync());
    }

    [Fact]
    public async Task Deploy_MalformedMultipart_400()
    {
        using var database = TestDatabase.Create("sqlite");
        await using var server = await ApiServer.StartAsync(database);
        var content = new StringContent("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bpmn\"\r\n\r\n<bpmn",
            Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/definitions") { Content = content };
        request.Headers.Add("X-Wuyi-User", "admin");

        var response = await server.Client.SendAsync(request);

        await response.AssertRefusedAsync(HttpStatusCode.BadRequest, "body");
    }

    [Fact]
    public async Task Deploy_MultipartWithoutBoundary_400()
    {
        using var database = TestDatabase.Create("sqlite");
        await using var server = await ApiServer.StartAsync(database);
        var content = new StringContent("<bpmn/>", Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/definitions") { Content = content };
        request.Headers.Add("X-Wuyi-User", "admin");

        var response = await server.Client.SendAsync(request);

        await response.AssertRefusedAsync(HttpStatusCode.BadRequest, "body");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Correlate_MegabyteMessageId_400NotTooComplexAPattern(string kind)
    {
        using var database = TestDatabase.Create(kind);
        await using var server = await ApiServer.StartAsync(database);

        var response = await server.Client.PostAsync("/api/messages",
            new { name = "CloseContactReported", regionPrefix = new string('%', 1024 * 1024), messageId = new string('m', 1024 * 1024) });

        await response.AssertRefusedAsync(HttpStatusCode.BadRequest, "regionPrefix", "MaxKeyLength");
    }
}
