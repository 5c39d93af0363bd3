using Wuyi.Engine.Model;
using Wuyi.Engine.Timers;
using Wuyi.Expressions;

namespace Wuyi.Engine.Tests.Timers;

public class TimerScheduleTests
{
    private static readonly DateTimeOffset Now = new(2022, 8, 24, 9, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData("P7D", 7 * 24 * 60)]
    [InlineData("PT1H30M", 90)]
    [InlineData("P1W", 7 * 24 * 60)]
    [InlineData("PT30.5S", 30.5 / 60)]
    [InlineData("PT1,5S", 1.5 / 60)]
    public void TryParse_IsoDuration_AddsFixedTime(string text, double minutes)
    {
        Assert.True(IsoDuration.TryParse(text, out var d));
        Assert.Equal(Now.AddMinutes(minutes), d.AddTo(Now));
    }

    [Fact]
    public void TryParse_MonthsAndYears_UseCalendar()
    {
        Assert.True(IsoDuration.TryParse("P1Y1M", out var d));
        Assert.Equal(new DateTimeOffset(2023, 9, 24, 9, 0, 0, TimeSpan.FromHours(8)), d.AddTo(Now));
    }

    [Theory]
    [InlineData("")]
    [InlineData("P")]
    [InlineData("7D")]
    [InlineData("PT")]
    [InlineData("P1H")]
    [InlineData("P99999999999D")]
    public void TryParse_Invalid_IsFalse(string text) => Assert.False(IsoDuration.TryParse(text, out _));

    // The cases where the timers' parser and the expressions' parser used to differ: one parser now reads both.
    [Theory]
    [InlineData("PT0.5M")]
    [InlineData("P1.5D")]
    [InlineData("-P1D")]
    [InlineData("-PT1H")]
    public void First_DurationExpressionsRefuseOrNegative_IsRefusedByTimers(string text)
    {
        Assert.Null(TimerSchedule.First(TimerKind.Duration, text, Now, out var error));
        Assert.Contains(text, error);
    }

    [Theory]
    [InlineData("PT1,5S")]
    [InlineData("PT1.5S")]
    [InlineData("P1W")]
    [InlineData("pt2h")]
    public void First_DurationTheExpressionsRead_FallsDueWhereTheExpressionsSay(string text)
    {
        Assert.True(IsoDuration.TryParse(text, out var duration));
        var plan = TimerSchedule.First(TimerKind.Duration, text, Now, out _);
        Assert.Equal(duration.AddTo(Now), plan?.DueAt);
    }

    [Theory]
    [InlineData("2022-08-25T10:00", "2022-08-25T10:00:00+08:00")]
    [InlineData("2022-08-25T10:00:00Z", "2022-08-25T10:00:00+00:00")]
    [InlineData("2022-08-25", "2022-08-25T00:00:00+08:00")]
    public void First_DateTheExpressionsRead_IsTheSameInstant(string text, string expected)
    {
        Assert.True(IsoDate.TryParse(text, Now.Offset, out var instant));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), instant);
        Assert.Equal(instant, TimerSchedule.First(TimerKind.Date, text, Now, out _)?.DueAt);
    }

    [Theory]
    [InlineData("R/PT0.001S", 0.001)]
    [InlineData("R3/PT1H", 3600)]
    [InlineData("0/1 * * * * ?", 1)]
    [InlineData("0 0/5 * * * ?", 300)]
    public void ShortestInterval_Cycle_IsTheGapBetweenFirings(string cycle, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), TimerSchedule.ShortestInterval(cycle, Now));

    [Fact]
    public void First_RepeatingCycle_CountsFiringsAsCamundaDoes()
    {
        var plan = TimerSchedule.First(TimerKind.Cycle, "R3/PT1H", Now, out _)!;

        Assert.Equal((Now.AddHours(1), 2), (plan.DueAt, plan.RemainingAfter));
        var second = TimerSchedule.Next(plan.Cycle!, plan.DueAt, plan.RemainingAfter)!;
        var third = TimerSchedule.Next(second.Cycle!, second.DueAt, second.RemainingAfter)!;
        Assert.Equal((Now.AddHours(3), 0), (third.DueAt, third.RemainingAfter));
        Assert.Null(TimerSchedule.Next(third.Cycle!, third.DueAt, third.RemainingAfter));
    }

    [Fact]
    public void First_CycleWithStartDate_FiresFirstAtStart()
    {
        var plan = TimerSchedule.First(TimerKind.Cycle, "R/2022-09-01T00:00:00+08:00/P1D", Now, out _)!;

        Assert.Equal(new DateTimeOffset(2022, 9, 1, 0, 0, 0, TimeSpan.FromHours(8)), plan.DueAt);
        Assert.Equal(-1, plan.RemainingAfter);
    }

    [Theory]
    [InlineData("0 0 9 * * ?", "2022-08-25T09:00:00+08:00")]
    [InlineData("0 30 8 ? * MON-FRI", "2022-08-25T08:30:00+08:00")]
    [InlineData("0 0 0 1 * ?", "2022-09-01T00:00:00+08:00")]
    [InlineData("0 0 12 L * ?", "2022-08-31T12:00:00+08:00")]
    [InlineData("0 0 10 ? * 2#1", "2022-09-05T10:00:00+08:00")]
    [InlineData("0 0 10 ? * 6L", "2022-08-26T10:00:00+08:00")]
    [InlineData("0 */15 * * * ?", "2022-08-24T09:15:00+08:00")]
    [InlineData("0 0 9 ? * SAT,SUN 2023", "2023-01-01T09:00:00+08:00")]
    public void Next_Cron_FindsNextMatch(string cron, string expected)
    {
        var schedule = CronSchedule.TryParse(cron, out var error);

        Assert.Null(error);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), schedule!.Next(Now));
    }

    [Theory]
    [InlineData("0 0 9 * * MON")]
    [InlineData("0 0 24 * * ?")]
    [InlineData("0 0 9 * ?")]
    [InlineData("x 0 9 * * ?")]
    public void TryParse_InvalidCron_HasError(string cron)
    {
        Assert.Null(CronSchedule.TryParse(cron, out var error));
        Assert.NotNull(error);
    }
}
