using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Wuyi.Server.Tests.Apis;
using Wuyi.Testing;

namespace Wuyi.Server.Tests.Certification;

/// <summary>The real server with the shipped workflows on the manual clock, and short ways through the certification API.</summary>
internal sealed class CertificationServer : IAsyncDisposable
{
    public const string Xiuhua = "460105001001";   // 秀华社区, 秀英街道
    public const string Xiuhai = "460105001002";   // 秀海社区, 秀英街道
    public const string Gaoxin = "460105001006";   // 高新居委会, 秀英街道
    public const string Haigang = "460105002001";  // 海港社区, 海秀街道 (another township)
    public const string Xiuying = "460105001";     // 秀英街道

    public static readonly DateTimeOffset Start = DateTimeOffset.Parse("2022-08-24T09:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture);

    private static readonly string[] CriteriaKeys =
        ["organisation", "zeroCases", "measures", "environment", "healthServices", "personalResponsibility", "publicity"];

    private readonly TestDatabase database;

    private CertificationServer(TestDatabase database, WuyiServer server)
    {
        this.database = database;
        Server = server;
    }

    public WuyiServer Server { get; }

    public HttpClient Client => Server.Client;

    public DateTimeOffset Now { get; private set; } = Start;

    /// <summary>Starts the server on a fresh database of <paramref name="kind"/> (<see cref="TestDatabase.Kinds"/>).</summary>
    public static async Task<CertificationServer> StartAsync(string spotCheckMode = "open", string kind = "postgres",
        Dictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var database = TestDatabase.Create(kind);
        var all = new Dictionary<string, string?>(settings ?? [])
        {
            ["Wuyi:Clock"] = "manual",
            ["Wuyi:ManualClockStart"] = Start.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["Wuyi:Certification:SpotCheckMode"] = spotCheckMode,
        };
        var server = await WuyiServer.StartAsync(database.Setting, settings: all, configure: configure);
        return new CertificationServer(database, server);
    }

    public static Dictionary<string, bool> AllMet(string? failing = null) => CriteriaKeys.ToDictionary(k => k, k => k != failing);

    public Task<HttpResponseMessage> ApplyRawAsync(string areaCode, Dictionary<string, bool>? selfAssessment = null) =>
        Client.PostAsync("/api/certifications", new
        {
            areaCode, selfAssessment = selfAssessment ?? AllMet(), contactPerson = new { name = "王芳", phone = "13800000000" },
        }, user: "applicant-" + areaCode);

    public async Task<string> ApplyAsync(string areaCode)
    {
        var response = await ApplyRawAsync(areaCode);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("summary").Str("id");
    }

    public async Task AdvanceAsync(string duration)
    {
        var response = await Client.PostAsync("/api/clock/advance", new { duration }, user: "admin");
        var clock = await response.JsonAsync();
        Assert.True(response.IsSuccessStatusCode, clock.ToString());
        Now = clock.GetProperty("now").GetDateTimeOffset();
    }

    public Task<JsonElement> DetailAsync(string id) => Client.GetJsonAsync($"/api/certifications/{id}");

    public async Task<string> StatusAsync(string id) => (await DetailAsync(id)).GetProperty("summary").Str("status");

    /// <summary>Waits (briefly) for <paramref name="status"/>: a timer the background loop claimed first fires on its own schedule.</summary>
    public async Task WaitForStatusAsync(string id, string status)
    {
        for (var attempt = 0; attempt < 50 && await StatusAsync(id) != status; attempt++)
            await Task.Delay(100);
        Assert.Equal(status, await StatusAsync(id));
    }

    public async Task<JsonElement> VariableAsync(string id, string name)
    {
        var detail = await DetailAsync(id);
        foreach (var part in (string[])["record", "benefits", "criteria"])
            if (detail.GetProperty(part).TryGetProperty(name, out var value))
                return value;
        throw new KeyNotFoundException($"{name} is not on the record of {id}: {detail}");
    }

    /// <summary>Completes the one open task <paramref name="element"/> of the instance (or of a child under the area).</summary>
    /// <summary>Completes the one open <paramref name="element"/> task of the area as <paramref name="user"/> — holding
    /// exactly <paramref name="grants"/> (<c>role:region</c>) when given, else a test official of 46 (see TestUsers).</summary>
    public async Task CompleteAsync(string areaCode, string element, object variables, string user = "reviewer", params string[] grants)
    {
        var tasks = new List<JsonElement>();
        // A timer the background loop claimed first fires on its own schedule: give the task a moment to appear.
        for (var attempt = 0; attempt < 50 && tasks.Count == 0; attempt++)
        {
            if (attempt > 0)
                await Task.Delay(100);
            tasks = [.. (await Client.GetJsonAsync($"/api/tasks?businessKey={areaCode}&element={element}&state=open")).GetProperty("items").EnumerateArray()];
        }
        Assert.True(tasks.Count == 1, $"expected one open {element} of {areaCode}, found {tasks.Count}");
        var client = grants.Length > 0 ? Server.ClientFor(user, grants) : Client;
        var response = await client.PostAsync($"/api/tasks/{tasks[0].Str("id")}/complete", new { variables }, user);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public Task ReviewAsync(string areaCode, string element, string decision, string comments = "ok") =>
        CompleteAsync(areaCode, element, new { decision, criteria = AllMet(), comments });

    /// <summary>Applies and takes the area through the 7 days and the three reviews to certified.</summary>
    public async Task<string> CertifyAsync(string areaCode)
    {
        var id = await ApplyAsync(areaCode);
        await AdvanceAsync("PT1M");
        await WaitForStatusAsync(id, "township-review");
        await ReviewAsync(areaCode, "TownshipReview", "approve");
        await ReviewAsync(areaCode, "CountyAssessment", "approve");
        await ReviewAsync(areaCode, "ProvincialFiling", "approve");
        Assert.Equal("certified", await StatusAsync(id));
        return id;
    }

    /// <summary>Sends signals; returns the answer (asserting 202).</summary>
    public async Task<JsonElement> SignalsAsync(params object[] signals)
    {
        var response = await Client.PostAsync("/api/signals", signals, user: "health-system");
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body.ToString());
        return body;
    }

    public object Signal(string id, string type, string? areaCode = null, string? regionCode = null, string? reference = null,
        string? kind = null, bool? passed = null, DateTimeOffset? occurredAt = null, string? zoneLevel = null) =>
        new { id, type, areaCode, regionCode, occurredAt = occurredAt ?? Now, reference = reference ?? id, kind, passed, zoneLevel };

    /// <summary>A time in China Standard Time, e.g. <c>At("2022-08-20T10:00")</c>.</summary>
    public static DateTimeOffset At(string chinaTime) =>
        DateTimeOffset.Parse(chinaTime + "+08:00", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Runs <paramref name="action"/> in a scope of the server's own services (to look at or damage its tables).</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Server.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public async Task<List<JsonElement>> RegistryAsync(string? region = null) =>
        [.. (await Client.GetJsonAsync("/api/public/registry" + (region is null ? "" : $"?region={region}"))).GetProperty("areas").EnumerateArray()];

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        database.Dispose();
    }
}
