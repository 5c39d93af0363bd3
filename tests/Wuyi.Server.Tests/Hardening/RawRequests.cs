using System.Net;
using System.Text;
using System.Text.Json;
using Wuyi.Server.Tests.Apis;

namespace Wuyi.Server.Tests.Hardening;

/// <summary>Requests a well-behaved client would never send: raw JSON text, chunked bodies, broken forms.</summary>
internal static class RawRequests
{
    public static Task<HttpResponseMessage> PostJsonTextAsync(this HttpClient client, string url, string json, string user = "tester")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Wuyi-User", user);
        return client.SendAsync(request);
    }

    /// <summary>Asserts a refusal naming <paramref name="field"/> and, when given, the limit's setting; returns the problem.</summary>
    public static async Task<JsonElement> AssertRefusedAsync(this HttpResponseMessage response, HttpStatusCode status, string field,
        string? limit = null)
    {
        var problem = await response.AssertProblemAsync(status);
        Assert.Equal(field, problem.Str("field"));
        Assert.False(string.IsNullOrWhiteSpace(problem.Str("expected")));
        Assert.False(string.IsNullOrWhiteSpace(problem.Str("got")));
        if (limit is not null)
        {
            Assert.Equal($"Wuyi:Limits:{limit}", problem.Str("limit"));
            Assert.Contains($"Wuyi:Limits:{limit}", problem.Str("detail"));
        }
        ClrNames.AssertNone(problem.ToString());
        return problem;
    }

    /// <summary>How many instances the server holds.</summary>
    public static async Task<int> InstanceCountAsync(this HttpClient client) =>
        (await client.GetJsonAsync("/api/instances")).GetProperty("total").GetInt32();
}
