namespace Wuyi.Engine.Timers;

/// <summary>
/// A Quartz-style cron expression as Camunda 7 accepts it: <c>sec min hour day-of-month month day-of-week
/// [year]</c>, with <c>*</c>, <c>?</c>, lists, ranges, steps, month and day names (1 = Sunday), <c>L</c>
/// (last day of month, <c>6L</c> last Friday) and <c>#</c> (<c>2#1</c> first Monday). Exactly one of the
/// two day fields must be <c>?</c>, as in Quartz. Times are read in the offset of the instant asked about.
/// </summary>
internal sealed class CronSchedule
{
    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private readonly bool[] _seconds, _minutes, _hours, _daysOfMonth, _months, _daysOfWeek, _years;
    private readonly bool _anyDayOfMonth, _anyDayOfWeek, _lastDayOfMonth;
    private readonly int _lastWeekday = -1, _nthWeekday = -1, _nth;

    private CronSchedule(bool[] seconds, bool[] minutes, bool[] hours, bool[] dom, bool[] months, bool[] dow, bool[] years,
        bool anyDom, bool anyDow, bool lastDom, int lastWeekday, int nthWeekday, int nth)
    {
        (_seconds, _minutes, _hours, _daysOfMonth, _months, _daysOfWeek, _years) = (seconds, minutes, hours, dom, months, dow, years);
        (_anyDayOfMonth, _anyDayOfWeek, _lastDayOfMonth, _lastWeekday, _nthWeekday, _nth) = (anyDom, anyDow, lastDom, lastWeekday, nthWeekday, nth);
    }

    /// <summary>True when <paramref name="text"/> looks like a cron expression rather than an ISO 8601 cycle.</summary>
    public static bool LooksLikeCron(string text) => text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 6;

    public static CronSchedule? TryParse(string text, out string? error)
    {
        error = null;
        var parts = text.Trim().ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is < 6 or > 7) { error = "a cron expression has 6 or 7 fields"; return null; }
        var seconds = Field(parts[0], 0, 59, null, ref error);
        var minutes = Field(parts[1], 0, 59, null, ref error);
        var hours = Field(parts[2], 0, 23, null, ref error);
        var months = Field(parts[4], 1, 12, MonthNames, ref error);
        var years = Field(parts.Length == 7 ? parts[6] : "*", 1970, 2199, null, ref error);
        var domText = parts[3];
        var dowText = parts[5];
        var anyDom = domText == "?";
        var anyDow = dowText == "?";
        if (anyDom == anyDow) { error ??= "exactly one of day-of-month and day-of-week must be '?'"; return null; }
        var lastDom = domText == "L";
        var dom = anyDom || lastDom ? new bool[32] : Field(domText, 1, 31, null, ref error);
        int lastWeekday = -1, nthWeekday = -1, nth = 0;
        bool[] dow;
        if (anyDow) dow = new bool[8];
        else if (dowText.EndsWith('L') && dowText.Length > 1)
        {
            dow = new bool[8];
            lastWeekday = DayNumber(dowText[..^1], ref error);
        }
        else if (dowText.Contains('#'))
        {
            dow = new bool[8];
            var split = dowText.Split('#');
            nthWeekday = DayNumber(split[0], ref error);
            if (split.Length != 2 || !int.TryParse(split[1], out nth) || nth is < 1 or > 5) error ??= $"'{dowText}' is not a valid day-of-week";
        }
        else dow = Field(dowText, 1, 7, DayNames, ref error);
        if (error is not null) return null;
        return new CronSchedule(seconds, minutes, hours, dom, months, dow, years, anyDom, anyDow, lastDom, lastWeekday, nthWeekday, nth);
    }

    private static int DayNumber(string text, ref string? error)
    {
        var i = Array.IndexOf(DayNames, text);
        if (i >= 0) return i + 1;
        if (int.TryParse(text, out var n) && n is >= 1 and <= 7) return n;
        error ??= $"'{text}' is not a day of the week";
        return 1;
    }

    private static bool[] Field(string text, int min, int max, string[]? names, ref string? error)
    {
        var set = new bool[max + 1];
        foreach (var item in text.Split(','))
        {
            var step = 1;
            var range = item;
            var slash = item.IndexOf('/');
            if (slash >= 0)
            {
                if (!int.TryParse(item[(slash + 1)..], out step) || step < 1) { error ??= $"'{item}' has an invalid step"; return set; }
                range = item[..slash];
            }
            int from, to;
            if (range is "*" or "?") (from, to) = (min, max);
            else if (range.Contains('-'))
            {
                var ends = range.Split('-');
                if (ends.Length != 2) { error ??= $"'{item}' is not a valid range"; return set; }
                from = Value(ends[0], min, max, names, ref error);
                to = Value(ends[1], min, max, names, ref error);
            }
            else
            {
                from = Value(range, min, max, names, ref error);
                to = slash >= 0 ? max : from;
            }
            if (error is not null) return set;
            if (from <= to) for (var v = from; v <= to; v += step) set[v] = true;
            else
            {
                // Quartz allows wrapping ranges such as FRI-MON or 22-2.
                for (var v = from; v <= max; v += step) set[v] = true;
                for (var v = min; v <= to; v += step) set[v] = true;
            }
        }
        return set;
    }

    private static int Value(string text, int min, int max, string[]? names, ref string? error)
    {
        if (names is not null)
        {
            var i = Array.IndexOf(names, text);
            if (i >= 0) return i + 1;
        }
        if (int.TryParse(text, out var n) && n >= min && n <= max) return n;
        error ??= $"'{text}' is out of range {min}-{max}";
        return min;
    }

    /// <summary>The first instant strictly after <paramref name="after"/> that matches, or null within five years.</summary>
    public DateTimeOffset? Next(DateTimeOffset after)
    {
        var offset = after.Offset;
        var start = after.AddTicks(-(after.Ticks % TimeSpan.TicksPerSecond)).AddSeconds(1);
        var day = new DateTime(start.Year, start.Month, start.Day, 0, 0, 0, DateTimeKind.Unspecified);
        for (var d = 0; d < 366 * 5; d++, day = day.AddDays(1))
        {
            if (day.Year >= _years.Length || !_years[day.Year] || !_months[day.Month] || !DayMatches(day)) continue;
            for (var h = 0; h < 24; h++)
            {
                if (!_hours[h]) continue;
                for (var m = 0; m < 60; m++)
                {
                    if (!_minutes[m]) continue;
                    for (var s = 0; s < 60; s++)
                    {
                        if (!_seconds[s]) continue;
                        var candidate = new DateTimeOffset(day.AddHours(h).AddMinutes(m).AddSeconds(s), offset);
                        if (candidate >= start) return candidate;
                    }
                }
            }
        }
        return null;
    }

    private bool DayMatches(DateTime day)
    {
        var daysInMonth = DateTime.DaysInMonth(day.Year, day.Month);
        var weekday = (int)day.DayOfWeek + 1;
        if (!_anyDayOfMonth) return _lastDayOfMonth ? day.Day == daysInMonth : _daysOfMonth[day.Day];
        if (_lastWeekday > 0) return weekday == _lastWeekday && day.Day + 7 > daysInMonth;
        if (_nthWeekday > 0) return weekday == _nthWeekday && (day.Day - 1) / 7 + 1 == _nth;
        return _daysOfWeek[weekday];
    }
}
