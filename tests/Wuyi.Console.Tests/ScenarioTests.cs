using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Wuyi.Console.Tests;

/// <summary>The issue's scenarios that change the demo data, each class on a server of its own.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class TwoOfficialsScenarioTests(ConsoleFixture fixture, PrivateServer own) : IClassFixture<PrivateServer>
{
    [Fact]
    public async Task Complete_SecondOfficialOnSameTask_SeesWhoCompletedItFirstAndWhen()
    {
        var server = await own.GetAsync();
        await using var first = await fixture.NewPageAsync(server: server);
        await using var second = await fixture.NewPageAsync(server: server);
        await first.SignInAsync("county");
        await second.SignInAsync("county");
        await TaskForms.OpenTaskAsync(first.Page, "City/county assessment (市县级评定)");
        await TaskForms.OpenTaskAsync(second.Page, "City/county assessment (市县级评定)");

        await TaskForms.AnswerAllFirstOptionAsync(first.Page);
        await first.Page.Locator("[data-test=approve]").ClickAsync();
        await first.Page.WaitForFunctionAsync("() => location.pathname === '/inbox'");
        await TaskForms.AnswerAllFirstOptionAsync(second.Page);
        await second.Page.Locator("[data-test=approve]").ClickAsync();

        var conflict = second.Page.Locator("[data-test=task-conflict]");
        await Expect(conflict).ToBeVisibleAsync();
        await Expect(conflict).ToContainTextAsync(new Regex(@"已由 county 于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 处理"));
        await second.ScreenshotAsync("task-conflict");
    }
}

[Collection(ConsoleCollection.Name)]
public sealed class CloseContactScenarioTests(ConsoleFixture fixture, PrivateServer own) : IClassFixture<PrivateServer>
{
    [Fact]
    public async Task Signals_CloseContactForTownship_SuspendsItsAreasAndClearingRestoresThem()
    {
        var server = await own.GetAsync();
        await using var p = await fixture.NewPageAsync(server: server);
        await p.SignInAsync("operator");
        var at = DateTimeOffset.UtcNow.AddMinutes(-10).ToString("yyyy-MM-ddTHH:mm:ssZ");

        // The second signal names an area that does not exist inside the operator's province (one outside it would have
        // the whole batch refused: an operator sends signals for their own region only).
        await p.Page.GetByLabel("CSV（首行为列名）").FillAsync(
            $"id,type,areaCode,regionCode,occurredAt,reference\nui-cc-1,close-contact,,460105001,{at},CC-UI-1\nui-cc-2,close-contact,460105001999,,{at},CC-UI-2\n");
        await p.Page.Locator("[data-test=signals-send]").ClickAsync();

        var results = p.Page.Locator("[data-test=signals-results]");
        await Expect(results.Locator("tr", new() { HasText = "ui-cc-1" })).ToContainTextAsync("已生效");
        await Expect(results.Locator("tr", new() { HasText = "ui-cc-2" })).ToContainTextAsync("460105001999");
        await p.ScreenshotAsync("signals-results");
        await p.Page.GotoAsync("/registry");
        await Expect(p.Page.Locator("[data-test=registry-counts]")).ToHaveTextAsync("已认定 0 个，暂停 3 个");
        await p.ScreenshotAsync("registry-suspended");
        await p.Page.GotoAsync("/dashboard");
        await Expect(p.Page.Locator("[data-test=dashboard-suspended] .el-statistic__number")).ToHaveTextAsync("3");
        await p.ScreenshotAsync("dashboard-suspended");

        await p.Page.GotoAsync("/signals");
        await p.Page.GetByLabel("CSV（首行为列名）").FillAsync(
            $"id,type,regionCode,occurredAt,reference\nui-cc-3,close-contact-cleared,460105001,{DateTimeOffset.UtcNow.AddMinutes(-1):yyyy-MM-ddTHH:mm:ssZ},CC-UI-1\n");
        await p.Page.Locator("[data-test=signals-send]").ClickAsync();
        await Expect(p.Page.Locator("[data-test=signals-results]")).ToContainTextAsync("已生效");
        await p.Page.GotoAsync("/registry");

        await Expect(p.Page.Locator("[data-test=registry-counts]")).ToHaveTextAsync("已认定 2 个，暂停 1 个");
        await p.ScreenshotAsync("registry-restored");
        await p.Page.GotoAsync("/dashboard");
        await Expect(p.Page.Locator("[data-test=dashboard-suspended] .el-statistic__number")).ToHaveTextAsync("1");
    }
}

[Collection(ConsoleCollection.Name)]
public sealed class IncidentScenarioTests(ConsoleFixture fixture, PrivateServer own) : IClassFixture<PrivateServer>
{
    // A service task whose topic no handler serves: the runtime raises an incident at once (retrying cannot help it,
    // but the administrator's retry is still carried out and answered).
    private const string Broken = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://wuyi.test">
          <bpmn:process id="console-broken" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Notify" />
            <bpmn:serviceTask id="Notify" camunda:type="external" camunda:topic="console-test-no-such-handler" />
            <bpmn:sequenceFlow id="f2" sourceRef="Notify" targetRef="End" />
            <bpmn:endEvent id="End" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task Operations_AdminRetriesIncident_RetryAnsweredAndListed()
    {
        var server = await own.GetAsync();
        await using var p = await fixture.NewPageAsync(server: server);
        await p.SignInAsync("admin");
        var api = p.Page.Context.APIRequest;
        var admin = new Dictionary<string, string> { ["X-Wuyi-User"] = "admin" };
        var deployed = await api.PostAsync("/api/definitions", new() { Headers = new Dictionary<string, string>(admin) { ["Content-Type"] = "application/xml" }, DataString = Broken });
        Assert.True(deployed.Ok, await deployed.TextAsync());
        var started = await api.PostAsync("/api/instances", new() { Headers = admin, DataObject = new { processKey = "console-broken", businessKey = "460105001001" } });
        Assert.True(started.Ok, await started.TextAsync());

        await p.Page.GotoAsync("/operations");
        var tab = p.Page.GetByRole(AriaRole.Tab, new() { NameRegex = new Regex("异常") });
        await Expect(tab).ToHaveTextAsync(new Regex(@"\([1-9]\d*\)"), new() { Timeout = 15000 });
        await tab.ClickAsync();
        var row = p.Page.Locator("[data-test=incidents] tr", new() { HasText = "Notify" }).First;
        await Expect(row).ToContainTextAsync("console-test-no-such-handler");
        await p.ScreenshotAsync("incidents");
        await row.Locator("[data-test=retry]").ClickAsync();

        await Expect(p.Page.GetByText("已重试")).ToBeVisibleAsync();
    }
}
