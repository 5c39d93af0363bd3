using System.Net;
using System.Net.Http.Json;
using Wuyi.Server.Tests.Apis;
using static Wuyi.Server.Tests.People.PeopleModels;

namespace Wuyi.Server.Tests.People;

/// <summary>
/// Walks every operation of the OpenAPI document, read at test time so that a new endpoint cannot slip through
/// unprotected, with an anonymous caller, a caller of the wrong role, callers of the wrong jurisdiction and the right one.
/// </summary>
public sealed class AuthorisationMatrixTests
{
    // The only operations anyone may call (and /healthz, /readyz, which are not API operations).
    private static readonly HashSet<string> Open = ["POST /api/auth/token", "POST /api/auth/sign-in", "POST /api/auth/sign-out", "GET /api/public/registry"];

    // Operations with their own policy; the rest need a signed-in person (administrators where the document says so).
    private static readonly Dictionary<string, string> RightCaller = new()
    {
        ["POST /api/signals"] = "operator",
        ["POST /api/messages"] = "admin",
        ["POST /api/broadcasts"] = "admin",
    };

    [Fact]
    public async Task EveryOperation_EachKindOfCaller_AnsweredAsTheRulesSay()
    {
        await using var s = await PeopleServer.StartAsync();
        var task = await s.ReviewTaskAsync(AreaOfA);
        using var anonymous = s.Server.AnonymousClient();
        using var adminElsewhere = s.Server.ClientFor("admin-44", "administrator:44");
        using var operatorOf46 = s.Server.ClientFor("operator-46", "health-operator:46");
        var document = await s.Server.Client.GetJsonAsync("/openapi/v1.json");
        var operations = (from path in document.GetProperty("paths").EnumerateObject()
                          from op in path.Value.EnumerateObject()
                          select (Method: op.Name.ToUpperInvariant(), Path: path.Name,
                              AdminOnly: op.Value.TryGetProperty("description", out var d) && d.GetString()!.Contains("Administrators only"))).ToList();
        Assert.True(operations.Count >= 30, $"only {operations.Count} operations in the document");
        Assert.Contains(operations, o => o.Path == "/api/tasks/mine");
        var failures = new List<string>();

        foreach (var (method, path, adminOnly) in operations)
        {
            var key = $"{method} {path}";
            var url = Fill(path, task);
            var concernsAreaA = path.Contains("{id}") && (path.StartsWith("/api/instances") || path.StartsWith("/api/certifications"))
                || path.Contains("{wait}") || path.Contains("{code}");

            var asAnonymous = await SendAsync(anonymous, method, url);
            Expect(failures, key, "anonymous", asAnonymous, Open.Contains(key) ? s => s != 401 : s => s == 401);
            if (Open.Contains(key))
                continue;
            if (adminOnly || RightCaller.ContainsKey(key))
                Expect(failures, key, "wrong role (county assessor)", await SendAsync(s.County, method, url), s => s == 403);
            if (concernsAreaA)
            {
                Expect(failures, key, "wrong jurisdiction (township B)", await SendAsync(s.TownshipB, method, url),
                    adminOnly ? s => s is 403 or 404 : s => s == 404);
                if (adminOnly)
                    Expect(failures, key, "administrator of another province", await SendAsync(adminElsewhere, method, url), s => s == 404);
            }
        }
        foreach (var (method, path, _) in operations.Where(o => !Open.Contains($"{o.Method} {o.Path}")))
        {
            var key = $"{method} {path}";
            var right = RightCaller.GetValueOrDefault(key) == "operator" ? operatorOf46 : s.Admin;
            Expect(failures, key, "right caller", await SendAsync(right, method, Fill(path, task)), s => s is not (401 or 403) && s < 500);
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string Fill(string path, string task) => path
        .Replace("{instanceId}", task.Split('/')[0]).Replace("{wait}", task.Split('/')[1])
        .Replace("{id}", path.StartsWith("/api/incidents") ? "1" : task.Split('/')[0])
        .Replace("{code}", AreaOfA).Replace("{key}", "people-review").Replace("{version}", "1");

    private static async Task<(int Status, string Body)> SendAsync(HttpClient client, string method, string url)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PUT" or "PATCH")
            request.Content = url.EndsWith("/api/definitions") ? new StringContent(PeopleModels.Review("matrix"), System.Text.Encoding.UTF8, "application/xml")
                : url.EndsWith("/api/signals") ? JsonContent.Create(new object[]
                {
                    new { id = "m-1", type = "confirmed-case", areaCode = AreaOfA, occurredAt = DateTimeOffset.Parse("2022-08-24T08:00:00+08:00"), reference = "r" },
                })
                : JsonContent.Create(new { });
        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static void Expect(List<string> failures, string operation, string caller, (int Status, string Body) answer, Func<int, bool> expected)
    {
        if (!expected(answer.Status))
            failures.Add($"{operation} as {caller}: {answer.Status} {answer.Body[..Math.Min(200, answer.Body.Length)]}");
    }
}
