using System.Collections.Frozen;

namespace Wuyi.Expressions;

/// <summary>
/// Which days are working days: Monday to Friday, except public holidays, plus the weekend days worked in exchange
/// (China's 调休). Days are counted in one fixed offset (China Standard Time, +08:00, by default), so an instant
/// late on a Friday evening in Beijing is a Friday whatever offset it was written in. Immutable; the data comes from
/// the business calendar files the runtime reads (<c>workflows/calendar/*.json</c>), never from here.
/// </summary>
public sealed class WorkingCalendar
{
    /// <summary>The most working days one call may move (ten years): a bound on the work of a hostile expression.</summary>
    public const int MaxDays = 2_600;

    private readonly FrozenSet<DateOnly> holidays;
    private readonly FrozenSet<DateOnly> workdays;

    /// <summary>A calendar with <paramref name="holidays"/> off and <paramref name="workdays"/> (weekend days) worked.</summary>
    public WorkingCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> workdays, TimeSpan? offset = null)
    {
        this.holidays = holidays.ToFrozenSet();
        this.workdays = workdays.ToFrozenSet();
        Offset = offset ?? TimeSpan.FromHours(8);
    }

    /// <summary>Weekends only, no holidays: what expressions use until the runtime installs the business calendar.</summary>
    public static WorkingCalendar WeekendsOnly { get; } = new([], []);

    /// <summary>The offset days are counted in.</summary>
    public TimeSpan Offset { get; }

    /// <summary>The holidays known.</summary>
    public int HolidayCount => holidays.Count;

    /// <summary>True when <paramref name="day"/> is a working day.</summary>
    public bool IsWorkingDay(DateOnly day) =>
        workdays.Contains(day) || (!holidays.Contains(day) && day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

    /// <summary>
    /// The same time of day <paramref name="days"/> working days later (earlier when negative), in <see cref="Offset"/>:
    /// three working days after a Saturday morning is the Wednesday morning (Monday is the first). Zero is the instant itself.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is beyond <see cref="MaxDays"/>.</exception>
    public DateTimeOffset AddWorkingDays(DateTimeOffset start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Math.Abs(days), MaxDays, nameof(days));
        var local = start.ToOffset(Offset);
        var step = Math.Sign(days);
        var day = DateOnly.FromDateTime(local.DateTime);
        for (var left = Math.Abs(days); left > 0;)
        {
            day = day.AddDays(step);
            if (IsWorkingDay(day))
                left--;
        }
        return new DateTimeOffset(day.ToDateTime(TimeOnly.FromDateTime(local.DateTime)), Offset);
    }
}
