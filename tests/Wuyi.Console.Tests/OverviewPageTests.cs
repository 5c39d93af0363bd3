using System.Diagnostics;
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

    [Fact]
    public async Task SignInPage_FirstLoad_InteractiveWellUnderASecond()
    {
        await using var p = await fixture.NewPageAsync();
        await p.Page.GotoAsync("/registry"); // warm the server's file cache, not the browser's (new context below)
        await using var fresh = await fixture.NewPageAsync();

        var loaded = new List<string>();
        fresh.Page.Request += (_, request) => loaded.Add(request.Url);
        var clock = Stopwatch.StartNew();
        await fresh.Page.GotoAsync("/", new() { WaitUntil = WaitUntilState.Commit });
        await fresh.Page.GetByRole(AriaRole.Button, new() { Name = "登录" }).WaitForAsync();
        await fresh.Page.GetByLabel("用户名").FillAsync("x");
        clock.Stop();

        var timing = await fresh.Page.EvaluateAsync<double>("() => performance.now()");
        var files = loaded.Where(u => u.Contains("/assets/", StringComparison.Ordinal)).Select(u => u[(u.LastIndexOf('/') + 1)..]).ToList();
        System.Console.WriteLine($"first page interactive after {clock.ElapsedMilliseconds} ms (page clock {timing:F0} ms); assets: {string.Join(" ", files)}");
        // The sign-in page must not pull in the diagram, form or chart libraries.
        Assert.DoesNotContain(files, f => f.StartsWith("echarts", StringComparison.Ordinal) || f.StartsWith("NavigatedViewer", StringComparison.Ordinal));
        Assert.True(clock.ElapsedMilliseconds < 3000, $"{clock.ElapsedMilliseconds} ms");
    }
}
