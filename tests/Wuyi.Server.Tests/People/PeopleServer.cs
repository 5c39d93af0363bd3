using System.Net;
using System.Text.Json;
using Wuyi.Server.Tests.Apis;
using Wuyi.Testing;

namespace Wuyi.Server.Tests.People;

/// <summary>A server with <see cref="PeopleModels.Review"/> deployed, and officials of two townships, a county and an area.</summary>
internal sealed class PeopleServer : IAsyncDisposable
{
    private readonly TestDatabase database;

    private PeopleServer(TestDatabase database, WuyiServer server)
    {
        this.database = database;
        Server = server;
        TownshipA = server.ClientFor("reviewer-a", $"township-reviewer:{PeopleModels.TownshipA}");
        TownshipA2 = server.ClientFor("reviewer-a2", $"township-reviewer:{PeopleModels.TownshipA}");
        TownshipB = server.ClientFor("reviewer-b", $"township-reviewer:{PeopleModels.TownshipB}");
        County = server.ClientFor("assessor", "county-assessor:460105");
        Applicant = server.ClientFor("applicant-a", $"applicant:{PeopleModels.AreaOfA}", $"township-reviewer:{PeopleModels.TownshipA}");
        Admin = server.ClientFor("admin-46", "administrator:46");
    }

    public WuyiServer Server { get; }

    public HttpClient TownshipA { get; }

    public HttpClient TownshipA2 { get; }

    public HttpClient TownshipB { get; }

    public HttpClient County { get; }

    /// <summary>Applicant of area A who (wrongly) also holds township A's reviewer role.</summary>
    public HttpClient Applicant { get; }

    public HttpClient Admin { get; }

    public static async Task<PeopleServer> StartAsync(string kind = "sqlite")
    {
        var database = TestDatabase.Create(kind);
        var server = await ApiServer.StartAsync(database, manualClock: true);
        await server.Client.DeployOkAsync(PeopleModels.Review());
        return new PeopleServer(database, server);
    }

    /// <summary>Starts a review of <paramref name="area"/> due in <paramref name="due"/>; returns its task id.</summary>
    public async Task<string> ReviewTaskAsync(string area, string due = "2022-08-26T09:00:00+08:00")
    {
        var instance = await Server.Client.StartAsync("people-review", area, new { townshipCode = area[..9], due });
        return (await Server.Client.OpenTasksAsync(instance.Str("id")))[0].Str("id");
    }

    public static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in (HttpClient[])[TownshipA, TownshipA2, TownshipB, County, Applicant, Admin])
            client.Dispose();
        await Server.DisposeAsync();
        database.Dispose();
    }
}
