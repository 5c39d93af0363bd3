using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Wuyi.Console.Tests;

[Collection(ConsoleCollection.Name)]
public sealed class InboxPageTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task Inbox_TownshipReviewer_ListsTheTownshipReviewWithCounts()
    {
        await using var p = await fixture.NewPageAsync();

        await p.SignInAsync("township");

        await Expect(p.Page.GetByRole(AriaRole.Heading, new() { Name = "我的待办" })).ToBeVisibleAsync();
        var table = p.Page.Locator("[data-test=inbox-table]");
        await Expect(table.GetByRole(AriaRole.Link, new() { Name = "Township review (乡镇级审核)" }).First).ToBeVisibleAsync();
        // The county's assessment is not the township reviewer's work.
        await Expect(table.GetByText("市县级评定")).ToHaveCountAsync(0);
        await Expect(p.Page.Locator("[data-test=inbox-counts]")).ToContainTextAsync("全部");
        await p.ScreenshotAsync("inbox");
        Assert.Empty(p.ScriptErrors);
    }

    [Fact]
    public async Task Inbox_County_ClaimsAndUnclaims()
    {
        await using var p = await fixture.NewPageAsync();
        await p.SignInAsync("county");
        var row = p.Page.Locator("[data-test=inbox-table] tr", new() { HasText = "市县级评定" }).First;

        await row.GetByRole(AriaRole.Button, new() { Name = "认领" }).ClickAsync();
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "退回" })).ToBeVisibleAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "退回" }).ClickAsync();

        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "认领" })).ToBeVisibleAsync();
    }
}
