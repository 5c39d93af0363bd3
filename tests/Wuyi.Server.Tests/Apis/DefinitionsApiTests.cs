using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Wuyi.Testing;

namespace Wuyi.Server.Tests.Apis;

public sealed class DefinitionsApiTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Deploy_ValidModel_CreatedWithVersion(string kind)
    {
        using var database = TestDatabase.Create(kind);
        await using var server = await ApiServer.StartAsync(database);

        var response = await server.Client.DeployAsync(ApiModels.Review, user: "admin-li");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("review", body.Str("key"));
        Assert.Equal(1, body.GetProperty("version").GetInt32());
        Assert.Equal("/api/definitions/review/1/xml", response.Headers.Location?.OriginalString);
        var all = await server.Client.GetJsonAsync("/api/definitions");
        Assert.True(all.GetArrayLength() == 1, all.ToString());
        var latest = all[0];
        Assert.Equal("review", latest.Str("key"));
        Assert.Equal("admin-li", latest.Str("deployedBy"));
        var xml = await server.Client.GetAsync("/api/definitions/review/1/xml");
        Assert.Equal("application/xml", xml.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ApiModels.Review, await xml.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Deploy_SameXmlTwice_SameVersion(string kind)
    {
        using var database = TestDatabase.Create(kind);
        await using var server = await ApiServer.StartAsync(database);

        var first = await server.Client.DeployAsync(ApiModels.Review);
        var again = await server.Client.DeployAsync(ApiModels.Review);
        var changed = await server.Client.DeployAsync(ApiModels.ReviewRenamed);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var repeat = await again.JsonAsync();
        Assert.Equal(1, repeat.GetProperty("version").GetInt32());
        Assert.False(repeat.GetProperty("versions")[0].GetProperty("created").GetBoolean());
        Assert.Equal(HttpStatusCode.Created, changed.StatusCode);
        Assert.Equal(2, (await changed.JsonAsync()).GetProperty("version").GetInt32());
        var versions = (await server.Client.GetJsonAsync("/api/definitions/review")).EnumerateArray().Select(v => v.GetProperty("version").GetInt32());
        Assert.Equal([2, 1], versions);
        Assert.Equal(2, (await server.Client.GetJsonAsync("/api/definitions")).EnumerateArray().Single().GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Deploy_SeveralProcesses_ListsEveryVersion()
    {
        using var database = TestDatabase.Create("sqlite");
        await using var server = await ApiServer.StartAsync(database);

        var response = await server.Client.DeployAsync(ApiModels.Timers);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var keys = (await response.JsonAsync()).GetProperty("versions").EnumerateArray().Select(v => v.Str("key")).Order();
        Assert.Equal(["days", "week"], keys);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Deploy_InvalidModel_ProblemListingElementsAndLinesAndNothingDeployed(string kind)
    {
        using var database = TestDatabase.Create(kind);
        await using var server = await ApiServer.StartAsync(database);

        var response = await server.Client.DeployAsync(ApiModels.Broken);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "nothing was deployed", "f1");
        var errors = problem.GetProperty("errors").EnumerateArray().ToList();
        Assert.True(errors.Count >= 2, problem.ToString());
        Assert.Contains(errors, e => e.GetProperty("elementId").GetString() == "f1" && e.GetProperty("line").GetInt32() == 4);
        Assert.Contains(errors, e => e.GetProperty("elementId").GetString() == "Gateway_1" && e.GetProperty("line").GetInt32() == 5);
        Assert.Empty((await server.Client.GetJsonAsync("/api/definitions")).EnumerateArray());
        await (await server.Client.GetAsync("/api/definitions/broken")).AssertProblemAsync(HttpStatusCode.NotFound, "broken");
    }

    [Fact]
    public async Task Deploy_MultipartFile_Created()
    {
        using var database = TestDatabase.Create("sqlite");
        await using var server = await ApiServer.StartAsync(database);
        using var form = new MultipartFormDataContent();
        var file = new StringContent(ApiModels.Review, Encoding.UTF8);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        form.Add(file, "file", "review.bpmn");

        var response = await server.Client.PostAsync("/api/definitions", form);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("review", (await response.JsonAsync()).Str("key"));
    }

    [Fact]
    public async Task Deploy_BadInput_ProblemDetails()
    {
        using var database = TestDatabase.Create("sqlite");
        await using var server = await ApiServer.StartAsync(database);

        var empty = await server.Client.PostAsync("/api/definitions", new StringContent("", Encoding.UTF8, "application/xml"));
        var json = await server.Client.PostAsync("/api/definitions", new StringContent("{}", Encoding.UTF8, "application/json"));
        var notXml = await server.Client.PostAsync("/api/definitions", new StringContent("hello", Encoding.UTF8, "text/xml"));

        await empty.AssertProblemAsync(HttpStatusCode.BadRequest, "empty");
        await json.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "application/json");
        var problem = await notXml.AssertProblemAsync(HttpStatusCode.BadRequest, "nothing was deployed");
        Assert.NotEmpty(problem.GetProperty("errors").EnumerateArray());
    }

    [Fact]
    public async Task GetXml_UnknownVersion_NotFoundProblem()
    {
        using var database = TestDatabase.Create("sqlite");
        await using var server = await ApiServer.StartAsync(database);
        await server.Client.DeployOkAsync(ApiModels.Review);

        var response = await server.Client.GetAsync("/api/definitions/review/7/xml");

        await response.AssertProblemAsync(HttpStatusCode.NotFound, "review", "7");
    }

    [Fact]
    public async Task OpenApi_Served_ListsTheRoutesAndTheBrowsableUi()
    {
        using var database = TestDatabase.Create("sqlite");
        await using var server = await ApiServer.StartAsync(database);

        var document = await server.Client.GetJsonAsync("/openapi/v1.json");
        var ui = await server.Client.GetAsync("/scalar/v1");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var path in (string[])["/api/definitions", "/api/instances", "/api/instances/{id}/history", "/api/tasks/{instanceId}/{wait}/complete",
                     "/api/messages", "/api/broadcasts", "/api/incidents", "/api/incidents/{id}/retry", "/api/clock/advance",
                     "/api/auth/token", "/api/tasks/mine", "/api/audit"])
            Assert.Contains(path, paths);
        var start = document.GetProperty("paths").GetProperty("/api/instances").GetProperty("post");
        Assert.DoesNotContain(start.GetProperty("parameters").EnumerateArray(), p => p.Str("name") == "X-Wuyi-User"); // sign-in names the caller
        Assert.Contains(start.GetProperty("parameters").EnumerateArray(), p => p.Str("name") == "Idempotency-Key");
        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
        Assert.Equal("text/html", ui.Content.Headers.ContentType?.MediaType);
    }
}
