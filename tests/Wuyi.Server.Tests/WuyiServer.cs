using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Wuyi.Server.Hosting;

namespace Wuyi.Server.Tests;

/// <summary>The real web host on a free loopback port, with an HTTP client pointed at it.</summary>
internal sealed class WuyiServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private WuyiServer(WebApplication app, HttpClient client)
    {
        this.app = app;
        Client = client;
    }

    /// <summary>A client signed in as <see cref="TestUsers.DefaultUser"/> (administrator of 46), or as the user a request
    /// names in <see cref="TestUsers.Header"/> (see <see cref="TestUsers"/>).</summary>
    public HttpClient Client { get; }

    /// <summary>A client signed in as <paramref name="user"/> holding exactly <paramref name="grants"/> (e.g.
    /// <c>"county-assessor:460105"</c>); the user is created on first use.</summary>
    public HttpClient ClientFor(string user, params string[] grants) =>
        new(new TestSignIn(app.Services, user, [.. grants.Select(Grant)])) { BaseAddress = Client.BaseAddress };

    /// <summary>A client that sends no credentials.</summary>
    public HttpClient AnonymousClient() => new() { BaseAddress = Client.BaseAddress };

    /// <summary>A bearer token for <paramref name="user"/> holding <paramref name="grants"/> (created on first use).</summary>
    public Task<string> TokenAsync(string user, params string[] grants) => TestSignIn.SignInAsync(app.Services, user, [.. grants.Select(Grant)]);

    private static Wuyi.People.Access.Grant Grant(string text) =>
        Wuyi.People.Access.Grant.TryParse(text, Wuyi.People.Access.Roles.All, out var grant, out var error) ? grant : throw new ArgumentException(error);

    public IServiceProvider Services => app.Services;

    public static async Task<WuyiServer> StartAsync(string database, bool migrate = true, Dictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null)
    {
        var overrides = new Dictionary<string, string?>(settings ?? [])
        {
            ["Wuyi:Database"] = database,
            ["urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var app = WuyiWebApp.Build([], overrides, configure);
        if (migrate)
            await DatabaseStartup.MigrateAndSeedAsync(app.Services, CancellationToken.None);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient(new TestSignIn(app.Services, TestUsers.DefaultUser, [new("administrator", "46")], byHeader: true)) { BaseAddress = new Uri(address) };
        return new WuyiServer(app, client);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
