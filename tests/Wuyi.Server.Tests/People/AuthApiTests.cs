using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Wuyi.Server.Tests.Apis;
using Wuyi.Server.Tests.CommandLine;
using Wuyi.Testing;

namespace Wuyi.Server.Tests.People;

/// <summary>Sign-in: bearer tokens, the cookie, lock-out, one-time passwords, API keys, anonymous callers.</summary>
public sealed class AuthApiTests
{
    [Fact]
    public async Task Token_RightPassword_BearerActsAsTheUser()
    {
        await using var s = await PeopleServer.StartAsync("postgres");
        await s.Server.TokenAsync("county-li", "county-assessor:460105"); // creates the user with the test password
        using var anonymous = s.Server.AnonymousClient();

        var token = await PeopleServer.OkAsync(await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = "county-li", password = "Test-password-1" }));
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Str("accessToken"));
        var me = await PeopleServer.OkAsync(await anonymous.SendAsync(request));

        Assert.True(token.GetProperty("expiresIn").GetInt32() > 0);
        Assert.Equal("county-li", me.Str("userName"));
        var role = Assert.Single(me.GetProperty("roles").EnumerateArray());
        Assert.Equal(("county-assessor", "460105", "秀英区"), (role.Str("role"), role.Str("region"), role.Str("regionName")));
    }

    [Fact]
    public async Task SignIn_RightPassword_SetsStrictHttpOnlyCookie()
    {
        await using var s = await PeopleServer.StartAsync();
        await s.Server.TokenAsync("county-li", "county-assessor:460105");
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = s.Server.Client.BaseAddress };

        var signIn = await browser.PostAsJsonAsync("/api/auth/sign-in", new { userName = "county-li", password = "Test-password-1" });
        var me = await browser.GetAsync("/api/auth/me");
        var signOut = await browser.PostAsync("/api/auth/sign-out", null);
        var after = await browser.GetAsync("/api/auth/me");

        var header = Assert.Single(signIn.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", header, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", header, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("county-li", (await PeopleServer.OkAsync(me)).Str("userName"));
        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        await after.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SignIn_RepeatedFailures_LockedOutSayingUntilWhen()
    {
        await using var s = await PeopleServer.StartAsync();
        await s.Server.TokenAsync("county-li", "county-assessor:460105");
        using var anonymous = s.Server.AnonymousClient();

        for (var i = 0; i < 4; i++)
            await (await anonymous.PostAsJsonAsync("/api/auth/sign-in", new { userName = "county-li", password = "wrong" }))
                .AssertProblemAsync(HttpStatusCode.Unauthorized, "wrong");
        var fifth = await anonymous.PostAsJsonAsync("/api/auth/sign-in", new { userName = "county-li", password = "wrong" });
        var right = await anonymous.PostAsJsonAsync("/api/auth/sign-in", new { userName = "county-li", password = "Test-password-1" });

        await fifth.AssertProblemAsync(HttpStatusCode.Unauthorized, "locked", "until");
        var problem = await right.AssertProblemAsync(HttpStatusCode.Unauthorized, "locked");
        Assert.True(problem.GetProperty("lockedUntil").GetDateTimeOffset() > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Api_Anonymous_401ProblemNotRedirect()
    {
        await using var s = await PeopleServer.StartAsync();
        using var anonymous = s.Server.AnonymousClient();

        var tasks = await anonymous.GetAsync("/api/tasks");
        var registry = await anonymous.GetAsync("/api/public/registry");
        var ready = await anonymous.GetAsync("/readyz");

        await tasks.AssertProblemAsync(HttpStatusCode.Unauthorized, "Sign in");
        Assert.Equal(HttpStatusCode.OK, registry.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task Api_ForgedOrHeaderNamedCaller_Refused()
    {
        await using var s = await PeopleServer.StartAsync();
        using var anonymous = s.Server.AnonymousClient();
        var forged = new HttpRequestMessage(HttpMethod.Get, "/api/tasks");
        forged.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "eyJVc2VyIjoiYWRtaW4ifQ.AAAA");
        var named = new HttpRequestMessage(HttpMethod.Get, "/api/tasks");
        named.Headers.Add("X-Wuyi-User", "admin");

        await (await anonymous.SendAsync(forged)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await anonymous.SendAsync(named)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task UsersAdd_WithoutPassword_OneTimePasswordMustBeChanged()
    {
        using var database = TestDatabase.Create("sqlite");
        var run = await WuyiRun.RunAsync("users", "add", "wang", "--role", "county-assessor:460105", "--role", "inspector:460105", "--db", database.Setting);
        Assert.True(run.ExitCode == 0, run.Error);
        var oneTime = run.Output.Split("): ")[1].Trim();
        await using var server = await ApiServer.StartAsync(database);
        using var anonymous = server.AnonymousClient();

        var token = await PeopleServer.OkAsync(await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = "wang", password = oneTime }));
        using var wang = new HttpClient { BaseAddress = server.Client.BaseAddress };
        wang.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Str("accessToken"));
        var before = await wang.GetAsync("/api/tasks");
        var me = await PeopleServer.OkAsync(await wang.GetAsync("/api/auth/me"));
        var weak = await wang.PostAsJsonAsync("/api/auth/password", new { currentPassword = oneTime, newPassword = "short" });
        var changed = await wang.PostAsJsonAsync("/api/auth/password", new { currentPassword = oneTime, newPassword = "Wang-own-password-9" });
        var again = await PeopleServer.OkAsync(await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = "wang", password = "Wang-own-password-9" }));
        wang.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", again.Str("accessToken"));

        Assert.True(me.GetProperty("mustChangePassword").GetBoolean());
        Assert.Equal(2, me.GetProperty("roles").GetArrayLength());
        await before.AssertProblemAsync(HttpStatusCode.Forbidden, "one-time password");
        await weak.AssertProblemAsync(HttpStatusCode.BadRequest, "newPassword");
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await wang.GetAsync("/api/tasks")).StatusCode);
    }

    [Fact]
    public async Task ApiKey_HealthOperatorScope_SendsSignalsButNeverCompletesATask()
    {
        await using var s = await PeopleServer.StartAsync();
        var task = await s.ReviewTaskAsync(PeopleModels.AreaOfA);
        var issued = await WuyiRun.RunAsync("api-keys", "add", "hainan-cdc", "--scope", "health-operator:46", "--db", DatabaseOf(s));
        Assert.True(issued.ExitCode == 0, issued.Error);
        var key = issued.Output.Trim().Split('\n')[^1].Trim();
        using var machine = s.Server.AnonymousClient();
        machine.DefaultRequestHeaders.Add("X-Api-Key", key);

        var signals = await machine.PostAsJsonAsync("/api/signals", new object[]
        {
            new { id = "k-1", type = "confirmed-case", areaCode = PeopleModels.AreaOfA, occurredAt = DateTimeOffset.Parse("2022-08-24T08:00:00+08:00"), reference = "case-1" },
        });
        var complete = await machine.PostAsJsonAsync($"/api/tasks/{task}/complete", new { variables = new { ok = true } });
        var deploy = await machine.PostAsync("/api/definitions", new StringContent(PeopleModels.Review("other"), System.Text.Encoding.UTF8, "application/xml"));
        machine.DefaultRequestHeaders.Remove("X-Api-Key");
        machine.DefaultRequestHeaders.Add("X-Api-Key", key[..^2] + "00");
        var wrongKey = await machine.GetAsync("/api/tasks");

        Assert.True(signals.StatusCode == HttpStatusCode.Accepted, await signals.Content.ReadAsStringAsync());
        await complete.AssertProblemAsync(HttpStatusCode.Forbidden);
        await deploy.AssertProblemAsync(HttpStatusCode.Forbidden);
        await wrongKey.AssertProblemAsync(HttpStatusCode.Unauthorized);
        var audit = await s.Server.Client.GetJsonAsync("/api/audit?user=hainan-cdc");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), a => a.Str("apiKey") == "hainan-cdc" && a.Str("action") == "POST /api/signals");
    }

    [Fact]
    public async Task Signals_OutsideTheOperatorsRegion_Forbidden()
    {
        await using var s = await PeopleServer.StartAsync();
        using var operatorOfCounty = s.Server.ClientFor("operator-xy", "health-operator:460105");

        var response = await operatorOfCounty.PostAsJsonAsync("/api/signals", new object[]
        {
            new { id = "x-1", type = "confirmed-case", areaCode = "460106001001", occurredAt = DateTimeOffset.Parse("2022-08-24T08:00:00+08:00"), reference = "case-1" },
        });

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "460106001001");
    }

    private static string DatabaseOf(PeopleServer s) =>
        s.Server.Services.GetService(typeof(Wuyi.Runtime.Persistence.DatabaseTarget)) is Wuyi.Runtime.Persistence.DatabaseTarget t
            ? "sqlite:" + new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(t.ConnectionString).DataSource
            : throw new InvalidOperationException();
}
