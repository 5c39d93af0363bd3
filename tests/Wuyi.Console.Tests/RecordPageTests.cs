using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Wuyi.Console.Tests;

[Collection(ConsoleCollection.Name)]
public sealed class RecordPageTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task TaskPage_TownshipReview_RendersFormBesideRecordAndDiagram()
    {
        await using var p = await fixture.NewPageAsync();
        await p.SignInAsync("township");

        await p.Page.Locator("[data-test=inbox-table]").GetByRole(AriaRole.Link, new() { Name = "Township review (乡镇级审核)" }).First.ClickAsync();

        var form = p.Page.Locator("[data-test=task-form]");
        await Expect(form.GetByText("符合").First).ToBeVisibleAsync();
        await Expect(p.Page.Locator("[data-test=approve]")).ToBeVisibleAsync();
        await Expect(p.Page.Locator("[data-test=return]")).ToBeVisibleAsync();
        await Expect(p.Page.Locator("[data-test=reject]")).ToBeVisibleAsync();
        await Expect(p.Page.Locator("[data-test=diagram] .djs-element.wuyi-active").First).ToBeVisibleAsync();
        await p.ScreenshotAsync("task");
        Assert.Empty(p.ScriptErrors);
    }

    [Fact]
    public async Task TaskPage_ChangedForm_GuardsLeaving()
    {
        await using var p = await fixture.NewPageAsync();
        await p.SignInAsync("county");
        await p.Page.Locator("[data-test=inbox-table]").GetByRole(AriaRole.Link, new() { Name = "City/county assessment (市县级评定)" }).First.ClickAsync();
        await p.Page.Locator("[data-test=task-form] input[type=radio]").First.CheckAsync();

        await p.Page.GetByRole(AriaRole.Link, new() { Name = "我的待办" }).ClickAsync();

        await Expect(p.Page.GetByText("表单有未保存的修改，确定离开吗？")).ToBeVisibleAsync();
        await p.Page.GetByRole(AriaRole.Button, new() { Name = "留下" }).ClickAsync();
        Assert.Contains("/tasks/", p.Page.Url);
    }

    [Fact]
    public async Task CertificationRecord_CountyAssessment_ShowsStatusReviewsTimelineAndMarkedDiagram()
    {
        await using var p = await fixture.NewPageAsync();
        await p.SignInAsync("county");

        await p.Page.GotoAsync("/certifications/cert-460105001004-1");

        await Expect(p.Page.Locator("[data-test=record-status]")).ToHaveTextAsync("市县评定");
        await Expect(p.Page.GetByText("符合创建标准").First).ToBeVisibleAsync();
        await Expect(p.Page.Locator("[data-test=diagram] .djs-element.wuyi-active").First).ToBeVisibleAsync();
        Assert.True(await p.Page.Locator("[data-test=diagram] .djs-element.wuyi-done").CountAsync() > 3);
        await Expect(p.Page.Locator(".wuyi-count").First).ToBeVisibleAsync();
        await Expect(p.Page.Locator(".el-timeline-item").First).ToBeVisibleAsync();
        await p.ScreenshotAsync("certification");
        Assert.Empty(p.ScriptErrors);
    }

    [Fact]
    public async Task CertificationRecord_UnknownId_ShowsTheServersMessage()
    {
        await using var p = await fixture.NewPageAsync();
        await p.SignInAsync("admin");

        await p.Page.GotoAsync("/certifications/cert-does-not-exist");

        var alert = p.Page.GetByRole(AriaRole.Alert).First;
        await Expect(alert).ToBeVisibleAsync();
        Assert.Contains("cert-does-not-exist", await alert.InnerTextAsync());
    }
}
