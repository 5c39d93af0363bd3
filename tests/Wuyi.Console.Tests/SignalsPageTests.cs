using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Wuyi.Console.Tests;

[Collection(ConsoleCollection.Name)]
public sealed class SignalsPageTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task History_SignalSent_ListedNewestFirstWithItsOutcome()
    {
        await using var p = await fixture.NewPageAsync();
        await p.SignInAsync("operator");
        await p.Page.GotoAsync("/signals");
        var id = $"history-{Guid.NewGuid():N}"[..16];
        var at = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        // An area of another district with no certification: the demo's certifications stay as they are.
        await p.Page.GetByLabel("CSV（首行为列名）").FillAsync($"id,type,areaCode,regionCode,occurredAt,reference,kind\n{id},close-contact,460106001002,,{at},console-history,\n");

        await p.Page.Locator("[data-test=signals-send]").ClickAsync();

        var history = p.Page.Locator("[data-test=signal-history]");
        var row = history.Locator("tbody tr").First;
        await Expect(row).ToContainTextAsync(id);
        await Expect(row).ToContainTextAsync("已生效");
        await Expect(row).ToContainTextAsync("460106001002");
        await Expect(history).ToContainTextAsync("demo-close-contact-1");
        await p.ScreenshotAsync("signals-history");
        Assert.Empty(p.ScriptErrors);
    }
}
