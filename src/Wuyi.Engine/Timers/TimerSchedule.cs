using Wuyi.Engine.Model;
using Wuyi.Expressions;

namespace Wuyi.Engine.Timers;

/// <summary>
/// Turns an evaluated timer text into due times: a date, a duration from now, an ISO 8601 repeating
/// interval (<c>R3/PT1H</c>, <c>R/PT10M</c>, <c>R2/2022-08-24T10:00+08:00/P1D</c>) or a cron expression.
/// Camunda counts <c>R3</c> as three firings in all; a bare <c>R</c> repeats without end.
/// </summary>
internal static class TimerSchedule
{
    public static TimerPlan? First(TimerKind kind, string text, DateTimeOffset now, out string? error)
    {
        error = null;
        switch (kind)
        {
            case TimerKind.Date:
                if (IsoInstant.TryParse(text, now.Offset, out var date)) return new TimerPlan(date, null, 0);
                error = $"'{text}' is not an ISO 8601 date-time";
                return null;
            case TimerKind.Duration:
                if (!IsoDuration.TryParse(text, out var d)) error = $"'{text}' is not an ISO 8601 duration";
                else if (d.IsNegative) error = $"'{text}' is negative: a timer cannot wait for a time already past";
                else if (!d.TryAddTo(now, out var due)) error = $"'{text}' lies beyond the representable dates";
                else return new TimerPlan(due, null, 0);
                return null;
            default:
                return FirstOfCycle(text.Trim(), now, out error);
        }
    }

    private static TimerPlan? FirstOfCycle(string text, DateTimeOffset now, out string? error)
    {
        error = null;
        if (CronSchedule.LooksLikeCron(text))
        {
            var cron = CronSchedule.TryParse(text, out error);
            if (cron is null) return null;
            var next = cron.Next(now);
            if (next is null) { error = $"'{text}' never fires"; return null; }
            return new TimerPlan(next.Value, text, -1);
        }
        if (!TryParseRepeating(text, now.Offset, out var repeats, out var startAt, out var interval, out var endAt))
        {
            error = $"'{text}' is neither an ISO 8601 repeating interval (R3/PT1H) nor a cron expression";
            return null;
        }
        if (startAt is null && !interval.TryAddTo(now, out _)) { error = $"'{text}' lies beyond the representable dates"; return null; }
        var first = startAt ?? interval.AddTo(now);
        if (endAt is { } end && first > end) { error = $"'{text}' ends before it starts"; return null; }
        return new TimerPlan(first, text, repeats < 0 ? -1 : repeats - 1);
    }

    /// <summary>The firing after <paramref name="previousDue"/>, or null when the cycle is exhausted.</summary>
    public static TimerPlan? Next(string cycle, DateTimeOffset previousDue, int remaining)
    {
        if (remaining == 0) return null;
        if (CronSchedule.LooksLikeCron(cycle))
        {
            var next = CronSchedule.TryParse(cycle, out _)?.Next(previousDue);
            return next is null ? null : new TimerPlan(next.Value, cycle, -1);
        }
        if (!TryParseRepeating(cycle, previousDue.Offset, out _, out _, out var interval, out var endAt)) return null;
        if (!interval.TryAddTo(previousDue, out var due)) return null;
        if (endAt is { } end && due > end) return null;
        return new TimerPlan(due, cycle, remaining < 0 ? -1 : remaining - 1);
    }

    public static bool TryParseRepeating(string text, TimeSpan offset, out int repeats, out DateTimeOffset? startAt,
        out IsoDuration interval, out DateTimeOffset? endAt)
    {
        repeats = -1;
        startAt = null;
        endAt = null;
        interval = default;
        var parts = text.Split('/');
        if (parts.Length is < 2 or > 3 || parts[0].Length == 0 || parts[0][0] is not ('R' or 'r')) return false;
        if (parts[0].Length > 1 && (!int.TryParse(parts[0][1..], out repeats) || repeats < 1)) return false;
        if (parts.Length == 2) return IsoDuration.TryParse(parts[1], out interval) && IsForward(interval);
        if (IsoDuration.TryParse(parts[1], out interval))
        {
            if (!IsoInstant.TryParse(parts[2], offset, out var end)) return false;
            endAt = end;
            return IsForward(interval);
        }
        if (!IsoInstant.TryParse(parts[1], offset, out var start)) return false;
        startAt = start;
        return IsoDuration.TryParse(parts[2], out interval) && IsForward(interval);
    }

    // A repeating interval must move time forward, or the cycle would fire without end at one instant.
    private static bool IsForward(IsoDuration interval) => !interval.IsZero && !interval.IsNegative;

    /// <summary>
    /// The shortest time between two firings of a cycle, from <paramref name="probe"/> on: the interval of an ISO 8601
    /// repetition, the smallest gap among a cron expression's next firings. Null when the text is no cycle.
    /// </summary>
    public static TimeSpan? ShortestInterval(string cycle, DateTimeOffset probe)
    {
        if (CronSchedule.LooksLikeCron(cycle))
        {
            var cron = CronSchedule.TryParse(cycle, out _);
            if (cron?.Next(probe) is not { } previous) return null;
            TimeSpan? shortest = null;
            // A handful of firings finds the step of a "0/1 * * * * ?"; a cron cannot be denser later than now.
            for (var i = 0; i < 8 && cron.Next(previous) is { } next; i++, previous = next)
                if (shortest is null || next - previous < shortest) shortest = next - previous;
            return shortest;
        }
        if (!TryParseRepeating(cycle.Trim(), probe.Offset, out _, out _, out var interval, out _)) return null;
        return interval.TryAddTo(probe, out var after) ? after - probe : null;
    }

    /// <summary>Checks a literal timer text at validation time; returns the problem or null.</summary>
    public static string? Check(TimerKind kind, string text, DateTimeOffset probe)
    {
        string? error;
        // A cron expression may legitimately fire only years after the probe; its syntax is what is checked.
        if (kind == TimerKind.Cycle && CronSchedule.LooksLikeCron(text)) CronSchedule.TryParse(text, out error);
        else First(kind, text, probe, out error);
        return error;
    }
}
