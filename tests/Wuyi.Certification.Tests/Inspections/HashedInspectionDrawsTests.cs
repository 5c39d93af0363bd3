using Wuyi.Certification.Inspections;

namespace Wuyi.Certification.Tests.Inspections;

public sealed class HashedInspectionDrawsTests
{
    private readonly HashedInspectionDraws draws = new();

    [Fact]
    public void FirstCheckDay_ManyCertifications_WithinRangeSpreadAndRepeatable()
    {
        var days = Enumerable.Range(1, 3000).Select(i => draws.FirstCheckDay($"cert-{i}", 30)).ToList();

        Assert.All(days, d => Assert.InRange(d, 1, 30));
        Assert.Equal(30, days.Distinct().Count());
        Assert.Equal(days, Enumerable.Range(1, 3000).Select(i => draws.FirstCheckDay($"cert-{i}", 30)));
        Assert.Equal(1, draws.FirstCheckDay("cert-1", 1));
    }

    [Theory]
    [InlineData(0.0, 0, 0)]
    [InlineData(1.0, 4000, 4000)]
    [InlineData(0.3, 1000, 1400)]
    public void IsCovert_Share_DrawsAboutThatShareAndTheSameForTheSameCheck(double share, int atLeast, int atMost)
    {
        var covert = Enumerable.Range(1, 4000).Count(i => draws.IsCovert($"wait-{i}", share));

        Assert.InRange(covert, atLeast, atMost);
        Assert.Equal(draws.IsCovert("wait-7", share), draws.IsCovert("wait-7", share));
    }
}
