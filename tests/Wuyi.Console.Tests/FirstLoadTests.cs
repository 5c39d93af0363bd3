using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Headers;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Wuyi.Console.Tests;

/// <summary>
/// The first load of the sign-in page and of the inbox in a fresh browser (empty cache, own cookies). What can be
/// asserted without a clock is asserted: which chunks load, compression, cache headers. The times are printed (run with
/// <c>--logger "console;verbosity=detailed"</c>) and go into docs/benchmarks.md with the machine's load average; they
/// are not asserted, since two shared cores make any threshold either loose or flaky.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class FirstLoadTests(ConsoleFixture fixture, ITestOutputHelper output)
{
    private const int Loads = 5;

    // The sign-in page is interactive when its user-name field is shown and enabled.
    private const string SignInReady = "(e => !!e && !e.disabled && e.offsetParent !== null)(document.getElementById('signin-user'))";

    // The inbox is interactive when its counts are shown and the table holds its rows (or says it is empty).
    private const string InboxReady = "!!document.querySelector('[data-test=inbox-counts]') && !!document.querySelector('[data-test=inbox-table] tbody tr, [data-test=inbox-table] .el-table__empty-text') && !document.querySelector('[data-test=inbox-table] .el-loading-mask')";

    // The libraries that belong to other pages: charts (dashboard), diagrams (record, task) and forms (task).
    private static readonly string[] HeavyChunks = ["echarts", "bpmn", "formjs"];

    [Fact]
    public async Task SignInPage_FreshBrowser_InteractiveWithoutChartDiagramOrFormChunks()
    {
        await WarmServerAsync();

        var loads = new List<FirstLoad>();
        for (var i = 0; i < Loads; i++)
        {
            await using var p = await fixture.NewPageAsync();
            loads.Add(await FirstLoad.MeasureAsync(p.Page, "/", SignInReady));
            Assert.EndsWith("/signin", new Uri(p.Page.Url).AbsolutePath, StringComparison.Ordinal);
        }

        Report("sign-in (/ for an anonymous visitor)", loads);
        Assert.All(loads, load => Assert.DoesNotContain(load.Assets, f => HeavyChunks.Any(h => f.Name.StartsWith(h + "-", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task Inbox_FreshBrowserSignedIn_InteractiveWithoutChartDiagramOrFormChunks()
    {
        await WarmServerAsync();

        var loads = new List<FirstLoad>();
        for (var i = 0; i < Loads; i++)
        {
            await using var p = await fixture.NewPageAsync();
            await SignInThroughApiAsync(p.Page, "township");
            loads.Add(await FirstLoad.MeasureAsync(p.Page, "/inbox", InboxReady));
            Assert.Empty(p.ScriptErrors);
        }

        Report("inbox (township reviewer, signed in)", loads);
        Assert.All(loads, load => Assert.DoesNotContain(load.Assets, f => HeavyChunks.Any(h => f.Name.StartsWith(h + "-", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task Assets_FirstLoad_SentCompressedAndCachedForGood()
    {
        await using var p = await fixture.NewPageAsync();

        var load = await FirstLoad.MeasureAsync(p.Page, "/", SignInReady);

        Assert.NotEmpty(load.Assets);
        // Chromium asks for br: every file worth compressing comes compressed, and is cached for good (hashed name).
        Assert.All(load.Assets.Where(f => f.DecodedBodySize > 1024), f => Assert.Equal("br", f.ContentEncoding));
        Assert.All(load.Assets, f => Assert.Contains("immutable", f.CacheControl, StringComparison.Ordinal));
        Assert.Contains("no-cache", load.Files.Single(f => f.Path == "/").CacheControl, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Asset_AcceptEncoding_SentInThatEncodingDecodingToTheFile(string encoding)
    {
        var entry = await EntryScriptAsync();

        var raw = await GetAsync(entry, null);
        var compressed = await GetAsync(entry, encoding);

        Assert.Null(raw.Encoding);
        Assert.Equal(encoding, compressed.Encoding);
        Assert.Contains("Accept-Encoding", compressed.Vary);
        Assert.Equal("text/javascript", compressed.ContentType);
        Assert.True(compressed.Body.Length < raw.Body.Length / 2, $"{encoding}: {compressed.Body.Length} of {raw.Body.Length} bytes");
        Assert.Equal(raw.Body, Decode(compressed.Body, encoding));
    }

    [Fact]
    public async Task IndexPage_Get_NotCachedSoANewBuildIsSeen()
    {
        using var response = await fixture.Server.Http.GetAsync("/inbox");

        Assert.True(response.Headers.CacheControl?.NoCache, response.Headers.CacheControl?.ToString());
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task WarmServerAsync()
    {
        // Warms the server (JIT, SQLite pages), not the browser: each measured load has a new context.
        await using var warm = await fixture.NewPageAsync();
        await FirstLoad.MeasureAsync(warm.Page, "/", SignInReady);
        await SignInThroughApiAsync(warm.Page, "township");
        await FirstLoad.MeasureAsync(warm.Page, "/inbox", InboxReady);
    }

    private static async Task SignInThroughApiAsync(IPage page, string userName)
    {
        var response = await page.APIRequest.PostAsync("/api/auth/sign-in", new() { DataObject = new { userName, password = ConsolePage.DemoPassword } });
        Assert.True(response.Ok, $"sign-in as {userName}: {response.Status}");
    }

    private void Report(string page, List<FirstLoad> loads)
    {
        static string Ms(IEnumerable<double> values) => string.Join(" / ", values.Order().Select(v => v.ToString("N0", CultureInfo.InvariantCulture)));
        static double Median(IEnumerable<double> values) => values.Order().ElementAt(values.Count() / 2);
        var load = File.ReadAllText("/proc/loadavg").Split(' ')[..3];
        output.WriteLine($"## {page}: {loads.Count} cold loads, load average {string.Join(" ", load)}");
        output.WriteLine($"time to interactive (ms): {Ms(loads.Select(l => l.InteractiveMs))}; median {Median(loads.Select(l => l.InteractiveMs)):N0}");
        output.WriteLine($"domInteractive (ms): {Ms(loads.Select(l => l.DomInteractiveMs))}; loadEventEnd (ms): {Ms(loads.Select(l => l.LoadEventEndMs))}");
        output.WriteLine(loads[^1].Table());
    }

    private async Task<string> EntryScriptAsync()
    {
        var html = await fixture.Server.Http.GetStringAsync("/");
        var start = html.IndexOf("/assets/index-", StringComparison.Ordinal);
        Assert.True(start >= 0, html);
        return html[start..html.IndexOf('"', start)];
    }

    private async Task<(byte[] Body, string? Encoding, string[] Vary, string? ContentType)> GetAsync(string path, string? encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (encoding is not null)
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        using var response = await fixture.Server.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsByteArrayAsync(), response.Content.Headers.ContentEncoding.SingleOrDefault(),
            response.Headers.Vary.ToArray(), response.Content.Headers.ContentType?.MediaType);
    }

    private static byte[] Decode(byte[] body, string encoding)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var decoded = new MemoryStream();
        decoder.CopyTo(decoded);
        return decoded.ToArray();
    }
}
