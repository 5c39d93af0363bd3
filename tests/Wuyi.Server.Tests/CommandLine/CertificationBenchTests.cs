using Wuyi.Server.Bench;
using Wuyi.Testing;

namespace Wuyi.Server.Tests.CommandLine;

/// <summary><c>wuyi bench --only certification</c> at a tiny size: the code that produces the figures in docs/benchmarks.md runs.</summary>
public sealed class CertificationBenchTests
{
    [Fact]
    public async Task Run_TinyHainan_CertifiesEveryAreaThenEachBurstReachesItsRegion()
    {
        var settings = new BenchSettings(PostgresServer.Instance.AdminConnectionString, "small", new HashSet<string> { "certification" }, 2, 1, null, Instances: 12);

        var results = await new RuntimeBench(settings, TextWriter.Null).RunAsync(CancellationToken.None);

        Assert.Empty(results.Failures);
        var certification = Assert.IsType<CertificationResult>(results.Certification);
        Assert.Equal(12, certification.Instances);
        Assert.Equal(3296, certification.AreasInHainan);
        Assert.Equal(2 * 12, certification.Applying.Transitions);
        Assert.Equal(4 * 12, certification.Reviewing.Transitions);
        Assert.Equal(["suspended", "certified", "suspended"], certification.Bursts.Select(b => b.Status).ToArray());
        Assert.Equal(12, certification.Bursts[2].Phase.Transitions);
        Assert.InRange(certification.Bursts[0].Phase.Transitions, 1, 11);
        Assert.Equal(12, Assert.IsType<WaitingResult>(results.ReferenceFanOut).Instances);
        var figures = BenchReport.RenderCertification(results, DateTimeOffset.UnixEpoch);
        Assert.Contains("reduced size", figures);
        Assert.Contains("× runtime fan-out", figures);
    }

    [Fact]
    public void WriteSection_CertificationAndRuntime_EachBetweenItsOwnMarkers()
    {
        using var directory = new TemporaryDirectory();
        var file = Path.Combine(directory.Path, "benchmarks.md");
        File.WriteAllText(file, "# Benchmarks\n\n## Runtime\n\nprose\n\n## Certification\n\nmore prose\n\n## Quartz\n\nlast\n");

        BenchReport.WriteSection(file, "runtime figures 1", BenchReport.Runtime);
        BenchReport.WriteSection(file, "certification figures 1", BenchReport.Certification);
        BenchReport.WriteSection(file, "certification figures 2", BenchReport.Certification);

        var text = File.ReadAllText(file);
        Assert.DoesNotContain("certification figures 1", text);
        Assert.True(text.IndexOf("runtime figures 1", StringComparison.Ordinal) < text.IndexOf("## Certification", StringComparison.Ordinal));
        var certification = text.IndexOf("certification figures 2", StringComparison.Ordinal);
        Assert.InRange(certification, text.IndexOf("more prose", StringComparison.Ordinal), text.IndexOf("## Quartz", StringComparison.Ordinal));
    }
}
