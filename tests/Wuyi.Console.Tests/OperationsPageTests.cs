using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Wuyi.Console.Tests;

[Collection(ConsoleCollection.Name)]
public sealed class OperationsPageTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task WaitingMessages_MessageBeforeItsWait_ShownWithKeyAndExpiry()
    {
        await using var p = await fixture.NewPageAsync();
        await p.SignInAsync("admin");
        var messageId = $"console-waiting-{Guid.NewGuid():N}";
        // No instance waits for this message name: it is buffered for a day.
        var sent = await p.Page.Context.APIRequest.PostAsync("/api/messages", new()
        {
            DataObject = new { name = "ConsoleWaitingMessage", correlationKey = "460105001003", messageId, ttl = "P1D" },
        });
        Assert.True(sent.Ok, await sent.TextAsync());
        Assert.Contains("\"buffered\":true", await sent.TextAsync());

        await p.Page.GotoAsync("/operations");
        var tab = p.Page.GetByRole(AriaRole.Tab, new() { NameRegex = new Regex("消息等待") });
        await Expect(tab).ToHaveTextAsync(new Regex(@"\([1-9]\d*\)"));
        await tab.ClickAsync();

        var row = p.Page.Locator("[data-test=waiting-messages] tbody tr", new() { HasText = messageId });
        await Expect(row).ToContainTextAsync("ConsoleWaitingMessage");
        await Expect(row).ToContainTextAsync("460105001003");
        await Expect(row).ToContainTextAsync(new Regex(@"\d{4}-\d{2}-\d{2} \d{2}:\d{2}.*\d{4}-\d{2}-\d{2} \d{2}:\d{2}"));
        await p.ScreenshotAsync("operations-waiting");
        Assert.Empty(p.ScriptErrors);
    }
}
