using Microsoft.Playwright;

namespace Wuyi.Console.Tests;

/// <summary>Every page of the console on the demo data: who opens it, how, and what shows it has loaded.</summary>
public static class ConsolePages
{
    public const string Task = "task";

    /// <summary>Theory data: page name, user (empty: anonymous), path (or <see cref="Task"/>), a selector shown when loaded.</summary>
    public static TheoryData<string, string, string, string> All => new()
    {
        { "sign-in", "", "/signin", "#signin-user" },
        { "registry", "", "/registry", "[data-test=registry-counts]" },
        { "registry-area", "", "/registry/460105001001", "[data-test=area-status]" },
        { "inbox", "township", "/inbox", "[data-test=inbox-counts]" },
        { "task", "township", Task, "[data-test=approve]" },
        { "certification", "county", "/certifications/cert-460105001004-1", "[data-test=record-status]" },
        { "areas", "admin", "/areas", "[data-test=region-tree]" },
        { "inspections", "inspector", "/inspections", "main h1" },
        { "signals", "operator", "/signals", "main h1" },
        { "operations", "admin", "/operations", "[data-test=instances]" },
        { "dashboard", "admin", "/dashboard", "[data-test=chart-county] canvas" },
        { "not-found", "admin", "/no-such-page", ".el-result" },
    };

    /// <summary>Signs in through the API (the cookie lands in the page's browser context): quicker than the form.</summary>
    public static async Task SignInThroughApiAsync(IPage page, string userName)
    {
        var response = await page.APIRequest.PostAsync("/api/auth/sign-in", new() { DataObject = new { userName, password = ConsolePage.DemoPassword } });
        Assert.True(response.Ok, $"sign-in as {userName}: {response.Status}");
    }

    /// <summary>Opens the page as the user and waits until it has loaded and the network is quiet.</summary>
    public static async Task OpenAsync(IPage page, string user, string path, string ready)
    {
        if (user.Length > 0)
            await SignInThroughApiAsync(page, user);
        if (path == Task)
        {
            await page.GotoAsync("/inbox");
            await page.Locator("[data-test=inbox-table] tbody a[href^='/tasks/']").First.ClickAsync();
        }
        else
        {
            await page.GotoAsync(path);
        }
        await page.Locator(ready).First.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }
}
