namespace Wuyi.Expressions.Tests;

public class IsoDurationTests
{
    [Theory]
    [InlineData("P7D", 0, 0, 7, 0L)]
    [InlineData("P1W", 0, 0, 7, 0L)]
    [InlineData("P2W3D", 0, 0, 17, 0L)]
    [InlineData("P1Y", 1, 0, 0, 0L)]
    [InlineData("P1M", 0, 1, 0, 0L)]
    [InlineData("PT1M", 0, 0, 0, 60L)]
    [InlineData("P1Y2M3DT4H5M6S", 1, 2, 3, 14_706L)]
    [InlineData("PT36H", 0, 0, 0, 129_600L)]
    [InlineData("P0D", 0, 0, 0, 0L)]
    [InlineData("-P1DT1H", 0, 0, -1, -3_600L)]
    [InlineData("+P1D", 0, 0, 1, 0L)]
    [InlineData("p1dt2h", 0, 0, 1, 7_200L)]
    [InlineData("  P3D  ", 0, 0, 3, 0L)]
    public void TryParse_ValidDuration_ReadsParts(string text, int years, int months, int days, long seconds)
    {
        Assert.True(IsoDuration.TryParse(text, out var duration));
        Assert.Equal(new IsoDuration(years, months, days, TimeSpan.FromSeconds(seconds)), duration);
    }

    [Theory]
    [InlineData("PT0.5S", 5_000_000L)]
    [InlineData("PT1,25S", 12_500_000L)]
    [InlineData("PT0.0000001S", 1L)]
    [InlineData("PT1M0.1S", 601_000_000L)]
    public void TryParse_FractionalSeconds_KeepsTicks(string text, long ticks)
    {
        Assert.True(IsoDuration.TryParse(text, out var duration));
        Assert.Equal(ticks, duration.Time.Ticks);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("P1")]
    [InlineData("7D")]
    [InlineData("P1S")]
    [InlineData("PT1D")]
    [InlineData("P1D2Y")]
    [InlineData("P1M1M")]
    [InlineData("PT1S1M")]
    [InlineData("P1.5D")]
    [InlineData("PT1.5H")]
    [InlineData("PT1.S")]
    [InlineData("PT.5S")]
    [InlineData("P1DT")]
    [InlineData("P1TT1H")]
    [InlineData("P9999999999D")]
    [InlineData("PT0.12345678S")]
    [InlineData("P--1D")]
    [InlineData("P-1D")]
    [InlineData("P1D ")]
    [InlineData("P999999999W")]
    [InlineData("PT999999999H")]
    [InlineData("R/P1D")]
    [InlineData("P 1D")]
    public void TryParse_InvalidDuration_ReturnsFalse(string? text)
    {
        if (text == "P1D ")
        {
            // Surrounding whitespace is tolerated, as in timer definitions written across lines.
            Assert.True(IsoDuration.TryParse(text, out _));
            return;
        }

        Assert.False(IsoDuration.TryParse(text, out _));
    }

    [Theory]
    [InlineData("P1W", "P7D")]
    [InlineData("PT90M", "PT1H30M")]
    [InlineData("PT3600S", "PT1H")]
    [InlineData("P1Y2M3DT4H5M6.5S", "P1Y2M3DT4H5M6.5S")]
    [InlineData("P0D", "PT0S")]
    [InlineData("PT0S", "PT0S")]
    [InlineData("-P1DT2H", "-P1DT2H")]
    [InlineData("PT0.0000001S", "PT0.0000001S")]
    [InlineData("PT48H", "PT48H")]
    public void ToString_ParsedDuration_IsNormalised(string text, string expected)
    {
        Assert.True(IsoDuration.TryParse(text, out var duration));
        Assert.Equal(expected, duration.ToString());
        Assert.True(IsoDuration.TryParse(duration.ToString(), out var again));
        Assert.Equal(duration, again);
    }

    [Fact]
    public void ToString_MixedSigns_WritesEachPartWithItsSign() =>
        Assert.Equal("P1DT-1H", new IsoDuration(0, 0, 1, TimeSpan.FromHours(-1)).ToString());

    [Theory]
    [InlineData("2024-01-31T10:00:00+08:00", "P1M", "2024-02-29T10:00:00+08:00")]
    [InlineData("2023-01-31T10:00:00+08:00", "P1M", "2023-02-28T10:00:00+08:00")]
    [InlineData("2024-02-29T00:00:00+00:00", "P1Y", "2025-02-28T00:00:00+00:00")]
    [InlineData("2022-08-24T00:00:00+00:00", "P1Y2M3DT4H5M6S", "2023-10-27T04:05:06+00:00")]
    [InlineData("2022-08-24T23:30:00+08:00", "PT1H", "2022-08-25T00:30:00+08:00")]
    [InlineData("2022-08-24T00:00:00+00:00", "-P1W", "2022-08-17T00:00:00+00:00")]
    [InlineData("2022-03-31T00:00:00+00:00", "-P1M", "2022-02-28T00:00:00+00:00")]
    [InlineData("2022-08-24T00:00:00+00:00", "PT0.5S", "2022-08-24T00:00:00.5+00:00")]
    public void AddTo_Date_UsesCalendarArithmeticInDateOffset(string start, string duration, string expected)
    {
        Assert.True(IsoDate.TryParse(start, out var date));
        Assert.True(IsoDuration.TryParse(duration, out var d));
        Assert.Equal(expected, IsoDate.ToText(d.AddTo(date)));
    }

    [Theory]
    [InlineData("9999-12-31T00:00:00+00:00", "P1D")]
    [InlineData("9999-10-31T20:00:00-05:00", "P2M")]
    [InlineData("0001-01-01T00:00:00+00:00", "-PT1S")]
    [InlineData("2022-01-01T00:00:00+00:00", "P999999999Y")]
    [InlineData("2022-01-01T00:00:00+00:00", "P142857142W")]
    public void TryAddTo_OutOfRange_ReturnsFalseAndAddToThrows(string start, string duration)
    {
        Assert.True(IsoDate.TryParse(start, out var date));
        Assert.True(IsoDuration.TryParse(duration, out var d));
        Assert.False(d.TryAddTo(date, out var result));
        Assert.Equal(date, result);
        Assert.Throws<ArgumentOutOfRangeException>(() => d.AddTo(date));
    }

    [Theory]
    [InlineData("PT0S", true)]
    [InlineData("P0Y0M0DT0H", true)]
    [InlineData("PT0.0000001S", false)]
    [InlineData("P1D", false)]
    public void IsZero_OfDuration_IsTrueOnlyWhenAllPartsAreZero(string text, bool expected)
    {
        Assert.True(IsoDuration.TryParse(text, out var duration));
        Assert.Equal(expected, duration.IsZero);
    }

    // Timers reject what IsNegative reports (a leading '-' used to be read by the expressions only).
    [Theory]
    [InlineData("-P1D", true)]
    [InlineData("-PT0.5S", true)]
    [InlineData("+P1D", false)]
    [InlineData("PT1,5S", false)]
    public void IsNegative_ParsedDuration_TellsAWaitBackwards(string text, bool negative)
    {
        Assert.True(IsoDuration.TryParse(text, out var duration));
        Assert.Equal(negative, duration.IsNegative);
    }
}
