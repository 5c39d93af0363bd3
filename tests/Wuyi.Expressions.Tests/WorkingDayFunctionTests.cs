namespace Wuyi.Expressions.Tests;

public sealed class WorkingDayFunctionTests
{
    // 2022's National Day: 1–7 October off, Saturday 8 and Sunday 9 October worked (国办发明电〔2021〕11号).
    private static readonly WorkingCalendar NationalDay2022 = new(
        Enumerable.Range(1, 7).Select(d => new DateOnly(2022, 10, d)), [new DateOnly(2022, 10, 8), new DateOnly(2022, 10, 9)]);

    private static ExpressionResult Run(string text, WorkingCalendar? calendar = null) =>
        Expression.Parse("${" + text + "}").Expression!.Evaluate(EvaluationContext.For(Eval.Variables(), Eval.Now) with { Calendar = calendar ?? NationalDay2022 });

    private static object? Value(string text, WorkingCalendar? calendar = null)
    {
        var result = Run(text, calendar);
        Assert.True(result.Success, $"'{text}' failed: {result.Error}");
        return result.Value;
    }

    [Theory]
    [InlineData("2022-08-26T10:00:00+08:00", 3, "2022-08-31T10:00:00+08:00")] // Friday + 3 → Wednesday
    [InlineData("2022-08-27T10:00:00+08:00", 3, "2022-08-31T10:00:00+08:00")] // Saturday: Monday is the first
    [InlineData("2022-09-29T09:00:00+08:00", 3, "2022-10-09T09:00:00+08:00")] // over the holiday onto the worked Sunday
    [InlineData("2022-09-30T09:00:00+08:00", 1, "2022-10-08T09:00:00+08:00")] // the worked Saturday counts
    [InlineData("2022-10-10T09:00:00+08:00", -1, "2022-10-09T09:00:00+08:00")] // backwards
    [InlineData("2022-08-26T10:00:00+08:00", 0, "2022-08-26T10:00:00+08:00")]
    public void WorkdaysAdd_Calendar_SkipsWeekendsAndHolidaysCountsWorkedWeekends(string start, int days, string expected) =>
        Assert.Equal(expected, Value($"workdaysAdd('{start}', {days})"));

    [Fact]
    public void WorkdaysAdd_UtcLateOnSunday_CountsFromBeijingMonday()
    {
        // 23:30Z on Sunday 28 August is 07:30 on Monday in Beijing: one working day later is Tuesday.
        Assert.Equal("2022-08-30T07:30:00+08:00", Value("workdaysAdd('2022-08-28T23:30:00Z', 1)"));
    }

    [Fact]
    public void WorkdaysAdd_NoCalendarGiven_InstalledOneWeekendsOnlyByDefault() =>
        Assert.Equal("2022-10-03T09:00:00+08:00",
            Expression.Parse("${workdaysAdd('2022-09-30T09:00:00+08:00', 1)}").Expression!
                .Evaluate(EvaluationContext.For(Eval.Variables(), Eval.Now)).Value);

    [Theory]
    [InlineData("workdaysAdd('not a date', 1)", "ISO 8601 date")]
    [InlineData("workdaysAdd('2022-10-01', 'three')", "whole number of working days")]
    [InlineData("workdaysAdd('2022-10-01', 1.5)", "whole number of working days")]
    [InlineData("workdaysAdd('2022-10-01', 100000)", "at most")]
    public void WorkdaysAdd_BadArguments_Fails(string text, string expected)
    {
        var result = Run(text);
        Assert.False(result.Success);
        Assert.Contains(expected, result.Error);
    }

    [Theory]
    [InlineData("2022-10-08", true)]
    [InlineData("2022-10-03", false)]
    [InlineData("2022-10-15", false)]
    [InlineData("2022-10-14", true)]
    public void IsWorkday_Calendar_Answers(string day, bool expected) => Assert.Equal(expected, Value($"isWorkday('{day}T12:00:00+08:00')"));

    [Fact]
    public void Setting_NotInstalled_FallbackOrFailure()
    {
        Assert.Equal(3L, Value("setting('dueDays.nothingLikeThis', 3)"));
        Assert.Contains("no setting named", Run("setting('dueDays.nothingLikeThis')").Error);
    }

    [Fact]
    public void WorkdaysAdd_InATemplateWithASetting_DueDateText() =>
        Assert.Equal("2022-08-31T10:00:00+08:00", Value("workdaysAdd('2022-08-26T10:00:00+08:00', setting('dueDays.nothingLikeThis', 3))"));
}
