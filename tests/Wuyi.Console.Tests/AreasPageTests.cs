using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Wuyi.Console.Tests;

[Collection(ConsoleCollection.Name)]
public sealed class AreasPageTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task RegionTree_ExpandedTwoLevels_CountsAtEachLevelAndSelectionFiltersTheList()
    {
        await using var p = await fixture.NewPageAsync();
        await p.SignInAsync("admin");

        await p.Page.GotoAsync("/areas");
        var tree = p.Page.Locator("[data-test=region-tree]");
        await Expect(tree.Locator("[data-test=counts-46]")).ToContainTextAsync(new Regex(@"已认定 \d+ · .*未创建 \d+"));
        await tree.Locator("[data-test=region-46]").ClickAsync();
        await Expect(tree.Locator("[data-test=region-4601]")).ToContainTextAsync("海口市");
        await Expect(tree.Locator("[data-test=counts-4601]")).ToContainTextAsync(new Regex(@"已认定 \d+"));
        await Expect(tree.Locator("[data-test=counts-4602]")).ToContainTextAsync(new Regex(@"^未创建 \d+$"));
        await tree.Locator("[data-test=region-4601]").ClickAsync();
        await tree.Locator("[data-test=region-460105]").ClickAsync();

        await Expect(tree.Locator("[data-test=region-460105001]")).ToContainTextAsync(new Regex(@"秀英街道 已认定 \d+"));
        await Expect(p.Page.Locator("#areas-region")).ToHaveValueAsync("460105");
        await Expect(p.Page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "向荣村委会" })).ToBeVisibleAsync();
        await p.ScreenshotAsync("areas-tree");
        await p.Page.Locator("[data-test=region-show-all]").ClickAsync();
        await Expect(p.Page.Locator("#areas-region")).ToHaveValueAsync("");
        Assert.Empty(p.ScriptErrors);
    }
}
