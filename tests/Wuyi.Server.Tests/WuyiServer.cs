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

    public HttpClient Client { get; }

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
        return new WuyiServer(app, new HttpClient { BaseAddress = new Uri(address) });
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
