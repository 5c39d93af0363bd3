namespace Wuyi.Expressions.Tests;

public class IsoDateTests
{
    [Theory]
    [InlineData(2022, 8, 24, 9, 30, 0, 0, 8, "2022-08-24T09:30:00+08:00")]
    [InlineData(2022, 8, 24, 9, 30, 0, 250, 0, "2022-08-24T09:30:00.25+00:00")]
    [InlineData(2022, 8, 24, 9, 30, 5, 0, -5, "2022-08-24T09:30:05-05:00")]
    public void ToText_Date_WritesIsoWithOffset(int y, int mo, int d, int h, int mi, int s, int ms, int offset, string expected) =>
        Assert.Equal(expected, IsoDate.ToText(new DateTimeOffset(y, mo, d, h, mi, s, ms, TimeSpan.FromHours(offset))));

    [Theory]
    [InlineData("2022-08-24", "2022-08-24T00:00:00+00:00")]
    [InlineData("2022-08-24T09:30", "2022-08-24T09:30:00+00:00")]
    [InlineData("2022-08-24T09:30+08:00", "2022-08-24T09:30:00+08:00")]
    [InlineData("2022-08-24T09:30:15", "2022-08-24T09:30:15+00:00")]
    [InlineData("2022-08-24T09:30:15Z", "2022-08-24T09:30:15+00:00")]
    [InlineData("2022-08-24T09:30:15-03:00", "2022-08-24T09:30:15-03:00")]
    [InlineData("2022-08-24T09:30:15.123", "2022-08-24T09:30:15.123+00:00")]
    [InlineData("2022-08-24T09:30:15.1234567+08:00", "2022-08-24T09:30:15.1234567+08:00")]
    [InlineData(" 2022-08-24 ", "2022-08-24T00:00:00+00:00")]
    public void TryParse_IsoText_ReadsDate(string text, string expected)
    {
        Assert.True(IsoDate.TryParse(text, out var date));
        Assert.Equal(expected, IsoDate.ToText(date));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("24/08/2022")]
    [InlineData("2022-13-01")]
    [InlineData("2022-02-30")]
    [InlineData("2022-08-24T25:00")]
    [InlineData("2022-08-24 09:30")]
    [InlineData("Aug 24, 2022")]
    [InlineData("2022-08-24T09:30:15.123456789Z")]
    public void TryParse_OtherText_ReturnsFalse(string? text) => Assert.False(IsoDate.TryParse(text, out _));

    [Fact]
    public void ToText_RoundTrips_ThroughTryParse()
    {
        var date = new DateTimeOffset(2026, 11, 29, 8, 30, 15, TimeSpan.FromHours(8)).AddTicks(1234567);
        Assert.True(IsoDate.TryParse(IsoDate.ToText(date), out var back));
        Assert.Equal(date, back);
        Assert.Equal(date.Offset, back.Offset);
    }

    // The engine's timers read dates with this parser too; a date without an offset is read in the one they give.
    [Theory]
    [InlineData("2022-08-24T09:30", "2022-08-24T09:30:00+08:00")]
    [InlineData("2022-08-24", "2022-08-24T00:00:00+08:00")]
    [InlineData("2022-08-24T09:30:00Z", "2022-08-24T09:30:00+00:00")]
    [InlineData("2022-08-24T09:30:00-03:00", "2022-08-24T09:30:00-03:00")]
    public void TryParse_WithOffsetWhenAbsent_ReadsLocalTimesInIt(string text, string expected)
    {
        Assert.True(IsoDate.TryParse(text, TimeSpan.FromHours(8), out var value));
        Assert.Equal(expected, IsoDate.ToText(value));
    }

    [Fact]
    public void TryParse_OffsetTakingTheDateOutOfRange_ReturnsFalse() =>
        Assert.False(IsoDate.TryParse("0001-01-01T00:00", TimeSpan.FromHours(8), out _));
}
