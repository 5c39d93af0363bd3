using System.Globalization;
using Wuyi.Expressions;

namespace Wuyi.Engine.Timers;

/// <summary>
/// Reads and writes the ISO 8601 instants of models, scenarios, traces and state. Reading is
/// <see cref="IsoDate"/>'s, the expression language's own parser, so a timer and an expression never read
/// the same text differently.
/// </summary>
internal static class IsoInstant
{
    /// <summary>Parses an ISO 8601 date-time; one without an offset is read in <paramref name="offset"/>.</summary>
    public static bool TryParse(string? text, TimeSpan offset, out DateTimeOffset instant) =>
        IsoDate.TryParse(text, offset, out instant);

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
