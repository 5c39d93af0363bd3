using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Wuyi.Console.Tests;

/// <summary>
/// The issue's quality bar on every page: no console errors at 1366×768 and at 360×740, no sideways scrolling on a
/// phone where people work in the field, a name on every input, and sign-in by keyboard alone.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class PageQualityTests(ConsoleFixture fixture)
{
    // Pages used on a phone: the sign-in, an official's inbox and task, the inspector's list, the public registry.
    private static readonly HashSet<string> PhonePages = ["sign-in", "inbox", "task", "inspections", "registry", "registry-area"];

    // Accessible names: inputs, selects, text areas, ARIA fields and toggles, buttons and links.
    private static readonly List<string> NameRules =
        ["label", "select-name", "aria-input-field-name", "aria-toggle-field-name", "button-name", "input-button-name", "link-name"];

    [Theory]
    [MemberData(nameof(ConsolePages.All), MemberType = typeof(ConsolePages))]
    public async Task Page_Desktop1366_NoConsoleErrorsAndEveryControlNamed(string page, string user, string path, string ready)
    {
        await using var p = await fixture.NewPageAsync(1366, 768);
        var errors = ConsoleErrors.Collect(p.Page, anonymous: user.Length == 0);

        await ConsolePages.OpenAsync(p.Page, user, path, ready);

        Assert.True(errors.Count == 0, $"{page}: {string.Join(" | ", errors)}");
        var axe = await p.Page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "rule", Values = NameRules } });
        Assert.True(axe.Violations.Length == 0, $"{page}: " + string.Join(" | ", axe.Violations.Select(v =>
            $"{v.Id}: {string.Join(", ", v.Nodes.Select(n => n.Html))}")));
    }

    [Theory]
    [MemberData(nameof(ConsolePages.All), MemberType = typeof(ConsolePages))]
    public async Task Page_Phone360_NoConsoleErrorsAndFieldPagesFit(string page, string user, string path, string ready)
    {
        await using var p = await fixture.NewPageAsync(360, 740);
        var errors = ConsoleErrors.Collect(p.Page, anonymous: user.Length == 0);

        await ConsolePages.OpenAsync(p.Page, user, path, ready);

        Assert.True(errors.Count == 0, $"{page}: {string.Join(" | ", errors)}");
        if (PhonePages.Contains(page))
        {
            var width = await p.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(width <= 360, $"{page} is {width} px wide at 360 px");
        }
    }

    [Fact]
    public async Task SignIn_KeyboardOnly_ReachesTheInbox()
    {
        await using var p = await fixture.NewPageAsync();
        await p.Page.GotoAsync("/signin");
        await Expect(p.Page.Locator("#signin-user")).ToBeEditableAsync();

        // Tab from the top of the page to the user name; type; Tab to the password; type; Enter.
        for (var i = 0; i < 5 && await ActiveIdAsync(p.Page) != "signin-user"; i++)
            await p.Page.Keyboard.PressAsync("Tab");
        Assert.Equal("signin-user", await ActiveIdAsync(p.Page));
        await p.Page.Keyboard.TypeAsync("township");
        await p.Page.Keyboard.PressAsync("Tab");
        Assert.Equal("signin-password", await ActiveIdAsync(p.Page));
        await p.Page.Keyboard.TypeAsync(ConsolePage.DemoPassword);
        await p.Page.Keyboard.PressAsync("Enter");

        await Expect(p.Page.Locator("[data-test=inbox-counts]")).ToBeVisibleAsync();
        Assert.EndsWith("/inbox", new Uri(p.Page.Url).AbsolutePath, StringComparison.Ordinal);
    }

    private static Task<string> ActiveIdAsync(IPage page) => page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''");
}
