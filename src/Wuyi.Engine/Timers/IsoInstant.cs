using System.Globalization;

namespace Wuyi.Engine.Timers;

/// <summary>Reads and writes the ISO 8601 instants of models, scenarios, traces and state.</summary>
internal static class IsoInstant
{
    /// <summary>Parses an ISO 8601 date-time; one without an offset is read in <paramref name="offset"/>.</summary>
    public static bool TryParse(string? text, TimeSpan offset, out DateTimeOffset instant)
    {
        instant = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim();
        if (s.Length < 10 || !char.IsAsciiDigit(s[0])) return false;
        var hasOffset = s.EndsWith('Z') || s.EndsWith('z') || HasExplicitOffset(s);
        if (hasOffset)
            return DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant);
        if (!DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return false;
        instant = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset);
        return true;
    }

    private static bool HasExplicitOffset(string s)
    {
        var t = s.IndexOf('T', StringComparison.OrdinalIgnoreCase);
        if (t < 0) return false;
        var tail = s[(t + 1)..];
        return tail.Contains('+') || tail.Contains('-');
    }

    /// <summary>Formats as <c>2022-08-24T09:00:00+08:00</c>, with fractional seconds only when present.</summary>
    public static string Format(DateTimeOffset instant)
    {
        var fraction = instant.Ticks % TimeSpan.TicksPerSecond;
        var pattern = fraction == 0 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF";
        return instant.ToString(pattern, CultureInfo.InvariantCulture) + FormatOffset(instant.Offset);
    }

    private static string FormatOffset(TimeSpan offset)
    {
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        var abs = offset.Duration();
        return $"{sign}{abs.Hours:00}:{abs.Minutes:00}";
    }
}
