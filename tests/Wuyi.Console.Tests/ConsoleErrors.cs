using Microsoft.Playwright;

namespace Wuyi.Console.Tests;

/// <summary>Errors a page writes to the browser console, and errors thrown in it.</summary>
public static class ConsoleErrors
{
    /// <summary>Starts collecting. For an anonymous visitor the browser's own log line for the 401 of
    /// <c>GET /api/auth/me</c> (the console asking whether anyone is signed in) is expected and left out.</summary>
    public static List<string> Collect(IPage page, bool anonymous)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type != "error")
                return;
            var url = message.Location ?? "";
            if (anonymous && url.Contains("/api/auth/me", StringComparison.Ordinal) && message.Text.Contains("401", StringComparison.Ordinal))
                return;
            errors.Add($"{message.Text} ({url})");
        };
        page.PageError += (_, error) => errors.Add(error);
        return errors;
    }
}
