using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Wuyi.Console.Tests;

[Collection(ConsoleCollection.Name)]
public sealed class OverviewPageTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task Dashboard_Admin_DrawsChartsWithTotals()
    {
        await using var p = await fixture.NewPageAsync();
        await p.SignInAsync("admin");

        await p.Page.GotoAsync("/dashboard");

        await Expect(p.Page.Locator("[data-test=chart-county] canvas")).ToBeVisibleAsync();
        await Expect(p.Page.Locator("[data-test=dashboard-totals]")).ToContainTextAsync("6");
        await p.ScreenshotAsync("dashboard");
        Assert.Empty(p.ScriptErrors);
    }

    [Fact]
    public async Task Operations_Admin_ListsInstancesAndExplainsTheSystemClock()
    {
        await using var p = await fixture.NewPageAsync();
        await p.SignInAsync("admin");

        await Expect(p.Page.Locator("[data-test=instances]").GetByRole(AriaRole.Link, new() { Name = "cert-460105001004-1" })).ToBeVisibleAsync();
        await p.ScreenshotAsync("operations");
        await p.Page.GetByRole(AriaRole.Tab, new() { Name = "时钟" }).ClickAsync();

        await Expect(p.Page.Locator("[data-test=clock-message]")).ToContainTextAsync("manual");
    }

    [Fact]
    public async Task Areas_Admin_ShowsRegionTreeWithCountsAndList()
    {
        await using var p = await fixture.NewPageAsync();
        await p.SignInAsync("admin");

        await p.Page.GotoAsync("/areas");

        var tree = p.Page.Locator("[data-test=region-tree]");
        await Expect(tree.GetByText("海南省")).ToBeVisibleAsync();
        await Expect(tree).ToContainTextAsync("已认定 2");
        await tree.GetByText("海南省").ClickAsync();
        await Expect(tree.GetByText("海口市")).ToBeVisibleAsync();
        await Expect(p.Page.GetByRole(AriaRole.Link, new() { Name = "向荣村委会" })).ToBeVisibleAsync();
        await p.ScreenshotAsync("areas");
    }

    [Fact]
    public async Task Inspections_Phone360_FitsWithoutSideScrolling()
    {
        await using var p = await fixture.NewPageAsync(360, 740);
        await p.SignInAsync("inspector");

        await Expect(p.Page.GetByRole(AriaRole.Heading, new() { Name = "明查暗访任务" })).ToBeVisibleAsync();

        Assert.True(await p.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 360"));
        await p.ScreenshotAsync("inspections-360");
    }

    [Fact]
    public async Task Signals_Operator_ShowsBothInputModes()
    {
        await using var p = await fixture.NewPageAsync();
        await p.SignInAsync("operator");

        await Expect(p.Page.GetByLabel("CSV（首行为列名）")).ToBeVisibleAsync();
        await p.Page.GetByText("逐行填写").ClickAsync();

        await Expect(p.Page.GetByLabel("区域代码 1")).ToBeVisibleAsync();
        await p.ScreenshotAsync("signals");
    }
}
