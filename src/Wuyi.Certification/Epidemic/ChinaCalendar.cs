namespace Wuyi.Certification.Epidemic;

/// <summary>
/// Counts days as an official of the province does: calendar days in China Standard Time (Asia/Shanghai), not
/// periods of 24 hours from a case's timestamp. "连续7天无新增" after a case on 20 August means 21–27 August are clean,
/// so the area qualifies from 28 August 00:00.
/// </summary>
public static class ChinaCalendar
{
    /// <summary>China Standard Time; a fixed +08:00 where the host has no time-zone data (China keeps no summer time).</summary>
    public static readonly TimeZoneInfo Zone = FindZone();

    /// <summary>00:00 China time of the day <paramref name="at"/> falls on.</summary>
    public static DateTimeOffset DayStart(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, Zone);
        return new DateTimeOffset(local.Date, local.Offset);
    }

    /// <summary>When <paramref name="days"/> whole calendar days after the day of <paramref name="at"/> have passed:
    /// 00:00 China time of the day after them.</summary>
    public static DateTimeOffset CleanDaysEnd(DateTimeOffset at, int days)
    {
        var end = DayStart(at).AddDays(days + 1);
        return TimeZoneInfo.ConvertTime(end, Zone);
    }

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("China Standard Time", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
        }
    }
}
