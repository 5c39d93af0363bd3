using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Wuyi.Console.Tests;

[Collection(ConsoleCollection.Name)]
public sealed class SignInPageTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task Root_Anonymous_ShowsSignInPage()
    {
        await using var p = await fixture.NewPageAsync();

        await p.Page.GotoAsync("/");

        await Expect(p.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
        await Expect(p.Page.GetByRole(AriaRole.Heading, new() { Name = "登录" })).ToBeVisibleAsync();
        await Expect(p.Page.GetByLabel("用户名")).ToBeVisibleAsync();
        await p.ScreenshotAsync("signin");
        Assert.Empty(p.ScriptErrors);
    }

    [Theory]
    [InlineData("township", "/inbox")]
    [InlineData("inspector", "/inspections")]
    [InlineData("operator", "/signals")]
    [InlineData("admin", "/operations")]
    public async Task SignIn_DemoUser_LandsWhereTheRolesWorkIs(string user, string landing)
    {
        await using var p = await fixture.NewPageAsync();

        await p.SignInAsync(user);

        Assert.EndsWith(landing, new Uri(p.Page.Url).AbsolutePath);
        await Expect(p.Page.Locator("[data-test=user]")).Not.ToBeEmptyAsync();
    }

    [Fact]
    public async Task SignIn_UnknownUser_ShowsReadableError()
    {
        await using var p = await fixture.NewPageAsync();
        await p.Page.GotoAsync("/signin");

        await p.Page.GetByLabel("用户名").FillAsync("nobody");
        await p.Page.GetByLabel("密码", new() { Exact = true }).FillAsync("wrong-password");
        await p.Page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        var error = p.Page.Locator("[data-test=signin-error]");
        await Expect(error).ToBeVisibleAsync();
        Assert.False(string.IsNullOrWhiteSpace(await error.InnerTextAsync()));
        Assert.Contains("/signin", p.Page.Url);
    }

    [Fact]
    public async Task SignIn_Keyboard_SubmitsWithEnter()
    {
        await using var p = await fixture.NewPageAsync();
        await p.Page.GotoAsync("/signin");

        await p.Page.GetByLabel("用户名").FocusAsync();
        await p.Page.Keyboard.TypeAsync("township");
        await p.Page.Keyboard.PressAsync("Tab");
        await p.Page.Keyboard.TypeAsync(ConsolePage.DemoPassword);
        await p.Page.Keyboard.PressAsync("Enter");

        await p.Page.WaitForFunctionAsync("() => location.pathname === '/inbox'");
    }

    [Fact]
    public async Task Shell_SwitchToEnglish_NavigationInEnglish()
    {
        await using var p = await fixture.NewPageAsync();
        await p.SignInAsync("admin");

        await p.Page.GetByRole(AriaRole.Combobox, new() { Name = "语言" }).ClickAsync(new() { Force = true });
        await p.Page.GetByRole(AriaRole.Option, new() { Name = "English" }).ClickAsync();

        await Expect(p.Page.GetByRole(AriaRole.Link, new() { Name = "Operations" })).ToBeVisibleAsync();
        await Expect(p.Page.GetByRole(AriaRole.Link, new() { Name = "Registry" })).ToBeVisibleAsync();
    }
}
