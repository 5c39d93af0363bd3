using Microsoft.Playwright;

namespace Wuyi.Console.Tests;

/// <summary>Filling form-js forms the way a person does: by the labels on the page.</summary>
public static class TaskForms
{
    /// <summary>Picks the first option (符合 / 合格 / 通过) of every radio group in the task's form.</summary>
    public static async Task AnswerAllFirstOptionAsync(IPage page)
    {
        var groups = page.Locator("[data-test=task-form] .fjs-form-field-radio");
        await groups.First.WaitForAsync();
        var count = await groups.CountAsync();
        for (var i = 0; i < count; i++)
            await groups.Nth(i).Locator("input[type=radio]").First.CheckAsync();
    }

    /// <summary>Picks an option of the radio group labelled <paramref name="field"/> (the first such group).</summary>
    public static Task AnswerAsync(IPage page, string field, string option) =>
        page.Locator("[data-test=task-form] .fjs-form-field-radio", new() { HasText = field }).First
            .GetByLabel(option, new() { Exact = true }).CheckAsync();

    /// <summary>Fills the text area labelled <paramref name="field"/> inside the group labelled <paramref name="group"/>.</summary>
    public static Task WriteAsync(IPage page, string group, string field, string text) =>
        page.Locator("[data-test=task-form] .fjs-form-field-group", new() { HasText = group }).First
            .GetByLabel(field, new() { Exact = true }).FillAsync(text);

    /// <summary>Presses the task page's button (<c>submit</c>, <c>approve</c>, <c>return</c>…) and waits for the inbox
    /// the page goes back to; if it stays, the failure names what the page showed, asked and logged.</summary>
    public static async Task SubmitAsync(ConsolePage console, string button)
    {
        var page = console.Page;
        var calls = new List<string>();
        void Answered(object? sender, IResponse r)
        {
            if (r.Url.Contains("/api/", StringComparison.Ordinal))
                lock (calls) calls.Add($"{r.Request.Method} {new Uri(r.Url).PathAndQuery} {r.Status}");
        }
        void Asked(object? sender, IRequest r)
        {
            if (r.Url.Contains("/api/", StringComparison.Ordinal))
                lock (calls) calls.Add($"{r.Method} {new Uri(r.Url).PathAndQuery} sent");
        }
        page.Request += Asked;
        page.Response += Answered;
        try
        {
            await page.Locator($"[data-test={button}]").ClickAsync();
            await page.WaitForFunctionAsync("() => location.pathname === '/inbox'", null, new() { Timeout = 30_000 });
        }
        catch (TimeoutException e)
        {
            var shown = await page.Locator("[role=alert], [role=dialog]").AllInnerTextsAsync();
            lock (calls)
                throw new TimeoutException($"pressing {button} did not end the task: still at {page.Url}; alerts and dialogs: [{string.Join(" | ", shown)}]; "
                    + $"API calls since: [{string.Join(" | ", calls)}]; errors: [{string.Join(" | ", console.Errors)}]", e);
        }
        finally
        {
            page.Request -= Asked;
            page.Response -= Answered;
        }
    }

    public static async Task OpenTaskAsync(IPage page, string taskName)
    {
        await page.GotoAsync("/inbox");
        await page.Locator("[data-test=inbox-table]").GetByRole(AriaRole.Link, new() { Name = taskName }).First.ClickAsync();
        await page.Locator("[data-test=task-form] .fjs-form-field").First.WaitForAsync();
    }
}
