using Microsoft.Playwright;

namespace Wuyi.Console.Tests;

/// <summary>A page of the console with the steps every test takes: signing in, screenshots, console errors.</summary>
public sealed class ConsolePage : IAsyncDisposable
{
    public const string DemoPassword = "Wuyi-demo-2026";

    private readonly IBrowserContext context;

    public ConsolePage(IBrowserContext context, IPage page)
    {
        this.context = context;
        Page = page;
        // Generous: the tests share two cores with other builds; a real failure still ends in a clear assertion.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                Errors.Add(message.Text);
        };
        page.PageError += (_, error) => Errors.Add(error);
    }

    public IPage Page { get; }

    /// <summary>Errors the page logged (an expected 4xx answer the page shows as a message is logged too).</summary>
    public List<string> Errors { get; } = [];

    public async Task SignInAsync(string userName)
    {
        await Page.GotoAsync("/signin");
        await Page.GetByLabel("用户名").FillAsync(userName);
        await Page.GetByLabel("密码", new() { Exact = true }).FillAsync(DemoPassword);
        await Page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        try
        {
            // The console routes with pushState; polling the location is immune to when that event is observed.
            await Page.WaitForFunctionAsync("() => !location.pathname.startsWith('/signin')");
        }
        catch (TimeoutException e)
        {
            var alerts = await Page.GetByRole(AriaRole.Alert).AllInnerTextsAsync();
            throw new TimeoutException($"{userName} was not signed in: still at {Page.Url}; alerts: [{string.Join(" | ", alerts)}]; errors: [{string.Join(" | ", Errors)}]", e);
        }
    }

    /// <summary>Saves a screenshot of the page into docs/console/ (the README shows some of them).</summary>
    public async Task ScreenshotAsync(string name)
    {
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Docs.ConsoleFolder, $"{name}.png"), FullPage = false });
    }

    /// <summary>Page errors other than the console's own logging of API answers it shows to the user.</summary>
    public IEnumerable<string> ScriptErrors => Errors.Where(e => !e.StartsWith("Failed to load resource", StringComparison.Ordinal));

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}

/// <summary>Where screenshots go: docs/console/ of the repository these tests were built from.</summary>
public static class Docs
{
    public static string ConsoleFolder { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "WuyiWorkflow.sln")))
            dir = dir.Parent;
        var folder = Path.Combine(dir?.FullName ?? Path.GetTempPath(), "docs", "console");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
