using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Wuyi.Console.Tests;

/// <summary>The review round of the issue, by the demo's own people: the applicant's area is the demo one whose
/// application was returned, so the applicant resubmits it first and the township's return is of that area.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ReviewRoundScenarioTests(ConsoleFixture fixture, PrivateServer own) : IClassFixture<PrivateServer>
{
    private const string Revise = "Revise the application (修改申报)";

    [Fact]
    public async Task Review_ReturnedThenRevisedThenApprovedAtEveryLevel_RegistryShowsCertified()
    {
        var server = await own.GetAsync();
        await using var applicant = await fixture.NewPageAsync(server: server);
        await applicant.SignInAsync("applicant");
        var area = await AreaOfRowAsync(applicant.Page, Revise);
        await TaskForms.OpenTaskAsync(applicant.Page, Revise);
        await TaskForms.AnswerAllFirstOptionAsync(applicant.Page);
        await TaskForms.SubmitAsync(applicant, "submit");

        await using var township = await fixture.NewPageAsync(server: server);
        await township.SignInAsync("township");
        await OpenRowAsync(township.Page, area);
        await TaskForms.AnswerAllFirstOptionAsync(township.Page);
        await TaskForms.AnswerAsync(township.Page, "疫情病例保持清零状态", "不符合");
        await TaskForms.WriteAsync(township.Page, "逐项说明", "疫情病例保持清零状态", "台账缺少近14天的排查记录");
        await TaskForms.AnswerAsync(township.Page, "审核结论", "退回修改");
        await township.ScreenshotAsync("review-returned");
        await TaskForms.SubmitAsync(township, "return");

        // The applicant sees the round returned, the criterion failed and why, and resubmits.
        await OpenRowAsync(applicant.Page, area);
        var record = applicant.Page.Locator("[data-test=certification-record]");
        await Expect(record).ToContainTextAsync("台账缺少近14天的排查记录");
        await Expect(record.Locator("[data-test=review-criteria]").Last).ToContainTextAsync("✗");
        await record.Locator("[data-test=review-criteria]").Last.ScrollIntoViewIfNeededAsync();
        await applicant.ScreenshotAsync("review-revise");
        await TaskForms.AnswerAllFirstOptionAsync(applicant.Page);
        await TaskForms.SubmitAsync(applicant, "submit");

        foreach (var user in new[] { "township", "county", "province" })
        {
            await using var official = await fixture.NewPageAsync(server: server);
            await official.SignInAsync(user);
            await OpenRowAsync(official.Page, area);
            await TaskForms.AnswerAllFirstOptionAsync(official.Page);
            await TaskForms.SubmitAsync(official, "approve");
        }

        await using var visitor = await fixture.NewPageAsync(server: server);
        await visitor.Page.GotoAsync("/registry");
        await Expect(visitor.Page.Locator($"[data-test=status-{area}]")).ToHaveTextAsync("已认定", new() { Timeout = 20000 });
        await visitor.ScreenshotAsync("registry-certified");
    }

    private static async Task<string> AreaOfRowAsync(IPage page, string taskName)
    {
        await page.GotoAsync("/inbox");
        var row = page.Locator("[data-test=inbox-table] tr", new() { HasText = taskName }).First;
        return Regex.Match(await row.InnerTextAsync(), @"46\d{10}").Value is { Length: 12 } code ? code
            : throw new InvalidOperationException($"no area code in the row of {taskName}: {await row.InnerTextAsync()}");
    }

    private static async Task OpenRowAsync(IPage page, string area)
    {
        await page.GotoAsync("/inbox");
        await page.Locator("[data-test=inbox-table] tr", new() { HasText = area }).GetByRole(AriaRole.Link).First.ClickAsync();
        await page.Locator("[data-test=task-form] .fjs-form-field").First.WaitForAsync();
    }
}

[Collection(ConsoleCollection.Name)]
public sealed class SpotCheckScenarioTests(ConsoleFixture fixture, PrivateServer own) : IClassFixture<PrivateServer>
{
    [Fact]
    public async Task SpotCheck_CovertFailed_RecordCancelledAndRectificationForTheCentre()
    {
        var server = await own.GetAsync();
        await using var admin = await fixture.NewPageAsync(server: server);
        await admin.SignInAsync("admin");
        await admin.Page.GotoAsync("/certifications/cert-460105001001-1");
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "发起暗访" }).ClickAsync();
        await Expect(admin.Page.GetByText("已发起抽查")).ToBeVisibleAsync();

        await using var inspector = await fixture.NewPageAsync(360, 740, server);
        await inspector.SignInAsync("inspector");
        await inspector.Page.Locator("[data-test=assignment]").First.GetByRole(AriaRole.Link).ClickAsync();
        await TaskForms.AnswerAllFirstOptionAsync(inspector.Page);
        await TaskForms.AnswerAsync(inspector.Page, "辖区环境清洁消毒规范", "不合格");
        await TaskForms.WriteAsync(inspector.Page, "发现的问题", "辖区环境清洁消毒规范", "垃圾转运点未按要求消毒");
        // Beside the form, the record of the certification the check runs under (not an error about the child's id).
        await Expect(inspector.Page.Locator("[data-test=certification-record]")).ToContainTextAsync("460105001001");
        await Expect(inspector.Page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        await inspector.ScreenshotAsync("spot-check-360");
        await TaskForms.SubmitAsync(inspector, "submit");

        // A covert check failed by the provincial inspector cancels at once (a county inspector's would wait for the province).
        await admin.Page.ReloadAsync();
        await Expect(admin.Page.Locator("[data-test=record-status]")).ToHaveTextAsync("已撤销", new() { Timeout = 20000 });
        await admin.ScreenshotAsync("record-cancelled");
        await using var centre = await fixture.NewPageAsync(server: server);
        await centre.SignInAsync("centre");
        await centre.Page.GotoAsync("/inbox");
        await Expect(centre.Page.Locator("[data-test=inbox-table] tr", new() { HasText = "460105001001" }))
            .ToContainTextAsync("Draw up the rectification plan");
        await centre.ScreenshotAsync("rectification-inbox");
    }
}
