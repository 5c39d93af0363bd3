using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Wuyi.Console.Tests;

/// <summary>Failures the server or the network may answer with (mocked in the browser) show as a message a person can
/// read on the page they were on, never as a blank page.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ApiErrorPageTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task Inbox_ServerAnswers500Problem_ShowsItsDetailUnderTheHeading()
    {
        await using var p = await SignedInAsync("township");
        await p.Page.RouteAsync("**/api/tasks/mine**", route => route.FulfillAsync(new()
        {
            Status = 500, ContentType = "application/problem+json",
            Body = """{"title":"Internal Server Error","status":500,"detail":"数据库暂时不可用 (database unavailable)"}""",
        }));

        await p.Page.GotoAsync("/inbox");

        await Expect(p.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("数据库暂时不可用");
        await Expect(p.Page.GetByRole(AriaRole.Heading, new() { Name = "我的待办" })).ToBeVisibleAsync();
        Assert.Empty(p.ScriptErrors);
    }

    [Fact]
    public async Task Inbox_ProxyErrorPage502_ShowsASentenceNotTheHtml()
    {
        await using var p = await SignedInAsync("township");
        await p.Page.RouteAsync("**/api/tasks/mine**", route => route.FulfillAsync(new()
        {
            Status = 502, ContentType = "text/html", Body = "<html><body><h1>502 Bad Gateway</h1></body></html>",
        }));

        await p.Page.GotoAsync("/inbox");

        var alert = p.Page.GetByRole(AriaRole.Alert);
        await Expect(alert).ToContainTextAsync("服务器出错");
        Assert.DoesNotContain("<", await alert.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(p.ScriptErrors);
    }

    [Fact]
    public async Task Inbox_NetworkDown_SaysTheServerCannotBeReached()
    {
        await using var p = await SignedInAsync("township");
        await p.Page.RouteAsync("**/api/tasks/mine**", route => route.AbortAsync("connectionrefused"));

        await p.Page.GotoAsync("/inbox");

        await Expect(p.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("无法连接服务器");
        Assert.Empty(p.ScriptErrors);
    }

    [Fact]
    public async Task Dashboard_Forbidden403_ShowsTheServersReason()
    {
        await using var p = await SignedInAsync("admin");
        await p.Page.RouteAsync("**/api/certifications?**", route => route.FulfillAsync(new()
        {
            Status = 403, ContentType = "application/problem+json",
            Body = """{"title":"Forbidden","status":403,"detail":"Only officials of region 46 may read its certifications."}""",
        }));

        await p.Page.GotoAsync("/dashboard");

        await Expect(p.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Only officials of region 46");
        await Expect(p.Page.GetByRole(AriaRole.Heading, new() { Name = "统计看板" })).ToBeVisibleAsync();
        Assert.Empty(p.ScriptErrors);
    }

    [Fact]
    public async Task Page_ChunkFailsToLoad_ShowsReloadMessageNotABlankPage()
    {
        await using var p = await SignedInAsync("admin");
        await p.Page.RouteAsync("**/assets/Dashboard-*.js", route => route.AbortAsync("connectionreset"));

        await p.Page.GotoAsync("/dashboard");

        var message = p.Page.Locator("[data-test=load-error]");
        await Expect(message).ToContainTextAsync("页面加载失败");
        await Expect(message.GetByRole(AriaRole.Button, new() { Name = "重新加载" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SignIn_ServerAnswers500_ShowsTheMessageAndKeepsTheForm()
    {
        await using var p = await fixture.NewPageAsync();
        await p.Page.RouteAsync("**/api/auth/sign-in", route => route.FulfillAsync(new() { Status = 500, Body = "" }));
        await p.Page.GotoAsync("/signin");

        await p.Page.GetByLabel("用户名").FillAsync("township");
        await p.Page.GetByLabel("密码", new() { Exact = true }).FillAsync(ConsolePage.DemoPassword);
        await p.Page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await Expect(p.Page.Locator("[data-test=signin-error]")).ToContainTextAsync("服务器出错");
        await Expect(p.Page.GetByLabel("用户名")).ToHaveValueAsync("township");
    }

    private async Task<ConsolePage> SignedInAsync(string user)
    {
        var p = await fixture.NewPageAsync();
        await ConsolePages.SignInThroughApiAsync(p.Page, user);
        return p;
    }
}
