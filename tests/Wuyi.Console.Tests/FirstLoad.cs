using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Wuyi.Console.Tests;

/// <summary>
/// One cold load of a console page as the browser saw it: Navigation Timing, the moment the page's main control was
/// visible and enabled (time to interactive, measured inside the page), and every file with its transferred bytes
/// and the headers that decide compression and caching.
/// </summary>
public sealed record FirstLoad(double DomInteractiveMs, double LoadEventEndMs, double InteractiveMs, IReadOnlyList<LoadedFile> Files)
{
    /// <summary>Loads <paramref name="path"/> and waits until <paramref name="readyScript"/> (a JS expression over
    /// <c>document</c>) is true; the page's own clock, from the start of the navigation, marks that moment.</summary>
    public static async Task<FirstLoad> MeasureAsync(IPage page, string path, string readyScript)
    {
        var headers = new Dictionary<string, Dictionary<string, string>>();
        page.Response += (_, response) => headers[response.Url] = new Dictionary<string, string>(response.Headers);
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Commit });
        // Polled on every animation frame, so the time is the first frame in which the control could take input.
        var ready = await page.WaitForFunctionAsync($"() => ({readyScript}) ? performance.now() : false");
        var interactive = await ready.JsonValueAsync<double>();
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var json = await page.EvaluateAsync<string>("""
            () => {
              const n = performance.getEntriesByType('navigation')[0];
              const files = [n, ...performance.getEntriesByType('resource')].map(r => ({
                url: r.name, startTime: r.startTime, responseEnd: r.responseEnd, transferSize: r.transferSize, encodedBodySize: r.encodedBodySize, decodedBodySize: r.decodedBodySize }));
              return JSON.stringify({ domInteractive: n.domInteractive, loadEventEnd: n.loadEventEnd, files });
            }
            """);
        var timing = JsonSerializer.Deserialize<NavigationTiming>(json, JsonSerializerOptions.Web)!;
        var files = timing.Files.Select(f => new LoadedFile(new Uri(f.Url).AbsolutePath, f.StartTime, f.ResponseEnd, f.TransferSize, f.EncodedBodySize, f.DecodedBodySize,
            Header(headers, f.Url, "content-encoding"), Header(headers, f.Url, "cache-control"))).ToList();
        return new FirstLoad(timing.DomInteractive, timing.LoadEventEnd, interactive, files);
    }

    private static string Header(Dictionary<string, Dictionary<string, string>> headers, string url, string name) =>
        headers.TryGetValue(url, out var h) && h.TryGetValue(name, out var value) ? value : "";

    /// <summary>The files under /assets/ (the built scripts and styles).</summary>
    public IEnumerable<LoadedFile> Assets => Files.Where(f => f.Path.StartsWith("/assets/", StringComparison.Ordinal));

    /// <summary>A Markdown table of the files, for docs/benchmarks.md.</summary>
    public string Table()
    {
        var text = new StringBuilder("| file | from–to (ms) | transferred | body on the wire | decoded | encoding |\n|---|---:|---:|---:|---:|---|\n");
        foreach (var f in Files)
            text.Append(CultureInfo.InvariantCulture, $"| `{f.Path}` | {f.StartMs:N0}–{f.EndMs:N0} | {f.TransferSize:N0} | {f.EncodedBodySize:N0} | {f.DecodedBodySize:N0} | {f.ContentEncoding} |\n");
        text.Append(CultureInfo.InvariantCulture, $"| **{Files.Count} files** | | {Files.Sum(f => f.TransferSize):N0} | {Files.Sum(f => f.EncodedBodySize):N0} | {Files.Sum(f => f.DecodedBodySize):N0} | |\n");
        return text.ToString();
    }

    private sealed record NavigationTiming(double DomInteractive, double LoadEventEnd, List<ResourceTiming> Files);

    private sealed record ResourceTiming(string Url, double StartTime, double ResponseEnd, long TransferSize, long EncodedBodySize, long DecodedBodySize);
}

/// <summary>One file of a page load: when it was asked for and arrived (ms from the navigation's start), bytes on the
/// wire (headers included), the body as sent and as decoded.</summary>
public sealed record LoadedFile(string Path, double StartMs, double EndMs, long TransferSize, long EncodedBodySize, long DecodedBodySize, string ContentEncoding, string CacheControl)
{
    public string Name => Path[(Path.LastIndexOf('/') + 1)..];
}
