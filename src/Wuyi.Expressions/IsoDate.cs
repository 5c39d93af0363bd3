using System.Globalization;

namespace Wuyi.Expressions;

/// <summary>
/// How expressions write and read dates: ISO 8601 strings with an explicit offset, e.g.
/// <c>2022-08-24T09:30:00+08:00</c> or <c>2022-08-24T09:30:00.25+00:00</c> (fractional seconds only when
/// non-zero, up to 7 digits). Strings keep their offset, so dates with the same offset order correctly
/// as strings; compare dates with different offsets with <c>isAfter</c>/<c>isBefore</c>.
/// </summary>
public static class IsoDate
{
    /// <summary>The .NET format string of <see cref="ToText"/>.</summary>
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz";

    // What TryParse accepts: a date alone, or a date and time to the minute, second or fraction, each
    // with or without an offset ('Z' or ±hh:mm). Without an offset the caller says which offset applies.
    private static readonly string[] WithoutOffset =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
    ];

    private static readonly string[] WithOffset =
    [
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    /// <summary>Writes <paramref name="value"/> in the expression date format, keeping its offset.</summary>
    public static string ToText(DateTimeOffset value) => value.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>Reads an ISO 8601 date (<c>2022-08-24</c>, midnight UTC) or date-time (<c>2022-08-24T09:30</c>,
    /// <c>…:00Z</c>, <c>…:00.5+08:00</c>; UTC when no offset is given).</summary>
    public static bool TryParse(string? text, out DateTimeOffset value) => TryParse(text, TimeSpan.Zero, out value);

    /// <summary>Reads an ISO 8601 date or date-time as <see cref="TryParse(string?, out DateTimeOffset)"/> does, taking
    /// one without an offset in <paramref name="offsetWhenAbsent"/>. The one instant parser of the expressions and of
    /// the engine's timers, so that a timer and an expression read the same text as the same instant.</summary>
    public static bool TryParse(string? text, TimeSpan offsetWhenAbsent, out DateTimeOffset value)
    {
        value = default;
        if (text is null)
        {
            return false;
        }

        var s = text.Trim();
        if (DateTime.TryParseExact(s, WithoutOffset, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            try
            {
                value = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offsetWhenAbsent);
                return true;
            }
            catch (ArgumentOutOfRangeException)
            {
                // The offset takes the instant below year 1 or past 9999.
                return false;
            }
        }

        return DateTimeOffset.TryParseExact(s, WithOffset, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }
}
