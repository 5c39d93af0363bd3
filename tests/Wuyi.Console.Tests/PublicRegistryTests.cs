using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Wuyi.Console.Tests;

[Collection(ConsoleCollection.Name)]
public sealed class PublicRegistryTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task Registry_Anonymous_ListsCertifiedAndSuspendedAreas()
    {
        await using var p = await fixture.NewPageAsync();

        await p.Page.GotoAsync("/registry");

        await Expect(p.Page.Locator("[data-test=registry-counts]")).ToHaveTextAsync("已认定 2 个，暂停 1 个");
        await Expect(p.Page.Locator("[data-test=status-460105001001]")).ToHaveTextAsync("已认定");
        Assert.Contains("/registry", p.Page.Url);
        await p.ScreenshotAsync("registry");
        Assert.Empty(p.ScriptErrors);
    }

    [Fact]
    public async Task RegistryArea_Certified_ShowsStatusAndQrCodeOfItsAddress()
    {
        await using var p = await fixture.NewPageAsync(360, 740);

        await p.Page.GotoAsync("/registry/460105001001");

        await Expect(p.Page.Locator("[data-test=area-status]")).ToHaveTextAsync("已认定");
        var qr = p.Page.Locator("[data-test=qr]");
        await Expect(qr).ToBeVisibleAsync();
        Assert.StartsWith("data:image/png;base64,", await qr.GetAttributeAsync("src"));
        Assert.True(await p.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 360"));
        await p.ScreenshotAsync("registry-area");
    }
}
