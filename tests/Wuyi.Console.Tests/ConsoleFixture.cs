using Microsoft.Playwright;

namespace Wuyi.Console.Tests;

/// <summary>One server with the demo data and one browser for the whole collection (tests run one at a time).</summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    public ConsoleServer Server { get; private set; } = null!;

    public ConsoleBrowser Chromium { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Chromium = await ConsoleBrowser.LaunchAsync();
        Server = await ConsoleServer.StartAsync();
    }

    /// <summary>A fresh page (own cookies and storage) at the given size; console errors are collected.</summary>
    public async Task<ConsolePage> NewPageAsync(int width = 1366, int height = 768, ConsoleServer? server = null)
    {
        var context = await Chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (server ?? Server).Address.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
        });
        return new ConsolePage(context, await context.NewPageAsync());
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await Chromium.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleFixture>
{
    public const string Name = "console";
}
