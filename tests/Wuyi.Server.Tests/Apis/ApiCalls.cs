using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Wuyi.Server.Tests.Apis;

/// <summary>Short ways to call the API as a named user (signed in by <see cref="WuyiServer.Client"/>, see <see cref="TestUsers"/>), and to read answers.</summary>
internal static class ApiCalls
{
    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, string url, object? body, string user = "tester",
        string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url);
        if (body is not null)
            request.Content = JsonContent.Create(body);
        request.Headers.Add(TestUsers.Header, user);
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> DeployAsync(this HttpClient client, string xml, string user = "admin")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/definitions")
        {
            Content = new StringContent(xml, Encoding.UTF8, "application/xml"),
        };
        request.Headers.Add(TestUsers.Header, user);
        return client.SendAsync(request);
    }

    public static async Task DeployOkAsync(this HttpClient client, string xml)
    {
        var response = await client.DeployAsync(xml);
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Starts an instance and returns its view (asserting 201).</summary>
    public static async Task<JsonElement> StartAsync(this HttpClient client, string processKey, string? businessKey = null,
        object? variables = null, string user = "tester")
    {
        var response = await client.PostAsync("/api/instances", new { processKey, businessKey, variables }, user);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }

    public static Task<JsonElement> InstanceAsync(this HttpClient client, string id) => client.GetJsonAsync($"/api/instances/{id}");

    /// <summary>The open tasks of an instance.</summary>
    public static async Task<List<JsonElement>> OpenTasksAsync(this HttpClient client, string instanceId) =>
        [.. (await client.GetJsonAsync($"/api/tasks?instance={Uri.EscapeDataString(instanceId)}&state=open")).GetProperty("items").EnumerateArray()];

    public static async Task<List<JsonElement>> HistoryAsync(this HttpClient client, string instanceId) =>
        [.. (await client.GetJsonAsync($"/api/instances/{instanceId}/history")).EnumerateArray()];

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public static string Str(this JsonElement e, string name) => e.GetProperty(name).GetString()!;

    public static List<string> Strings(this JsonElement e, string name) => [.. e.GetProperty(name).EnumerateArray().Select(x => x.GetString()!)];

    /// <summary>Asserts an RFC 7807 answer with <paramref name="status"/> whose detail contains every one of <paramref name="detailParts"/>.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, params string[] detailParts)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {status}, got {response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        var detail = problem.TryGetProperty("detail", out var d) ? d.GetString() ?? "" : "";
        Assert.False(string.IsNullOrWhiteSpace(detail), $"the problem has no detail: {text}");
        foreach (var part in detailParts)
            Assert.Contains(part, detail);
        return problem;
    }
}
