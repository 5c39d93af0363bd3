using System.Globalization;
using System.Text;

namespace Wuyi.Expressions;

/// <summary>
/// An ISO 8601 duration such as <c>P1Y2M10DT2H30M</c>, <c>P2W</c> or <c>PT0.5S</c>, as used by BPMN timer
/// definitions. Calendar parts (years, months, days) are kept apart from the clock part because their length
/// depends on the date they are added to. Weeks are read as seven days.
/// </summary>
/// <param name="Years">Calendar years.</param>
/// <param name="Months">Calendar months.</param>
/// <param name="Days">Calendar days (weeks included).</param>
/// <param name="Time">Hours, minutes and seconds.</param>
public readonly record struct IsoDuration(int Years, int Months, int Days, TimeSpan Time)
{
    private const int DesignatorCount = 7;

    /// <summary>True when every part is zero (<c>PT0S</c>), which a repeating timer must refuse.</summary>
    public bool IsZero => Years == 0 && Months == 0 && Days == 0 && Time == TimeSpan.Zero;

    /// <summary>True when any part is negative (<c>-P1D</c>), which no timer can wait for.</summary>
    public bool IsNegative => Years < 0 || Months < 0 || Days < 0 || Time < TimeSpan.Zero;

    /// <summary>Reads an ISO 8601 duration: <c>PnYnMnWnDTnHnMnS</c> with at least one part, designators in
    /// that order, a decimal fraction on seconds only (<c>.</c> or <c>,</c>), and an optional leading
    /// <c>-</c> negating the whole duration. Case-insensitive, like Java's <c>Duration.parse</c>.</summary>
    public static bool TryParse(string? text, out IsoDuration duration)
    {
        duration = default;
        if (text is null)
        {
            return false;
        }

        var s = text.Trim().ToUpperInvariant();
        var i = 0;
        var sign = 1;
        if (i < s.Length && s[i] is '-' or '+')
        {
            sign = s[i++] == '-' ? -1 : 1;
        }

        if (i >= s.Length || s[i++] != 'P')
        {
            return false;
        }

        // Parts in designator order Y M W D | H M S; -1 marks an absent part.
        var parts = new long[DesignatorCount];
        Array.Fill(parts, -1);
        long fractionTicks = 0;
        var inTime = false;
        var last = -1;
        while (i < s.Length)
        {
            if (s[i] == 'T')
            {
                if (inTime || i + 1 >= s.Length)
                {
                    return false;
                }

                inTime = true;
                last = 3;
                i++;
                continue;
            }

            if (!ReadNumber(s, ref i, out var value, out var fraction) || i >= s.Length)
            {
                return false;
            }

            var rank = Rank(s[i++], inTime);
            if (rank <= last || (fraction >= 0 && rank != 6))
            {
                return false;
            }

            parts[rank] = value;
            fractionTicks = Math.Max(fraction, 0);
            last = rank;
        }

        return last >= 0 && Build(parts, fractionTicks, sign, out duration);
    }

    private static int Rank(char designator, bool inTime) => (designator, inTime) switch
    {
        ('Y', false) => 0,
        ('M', false) => 1,
        ('W', false) => 2,
        ('D', false) => 3,
        ('H', true) => 4,
        ('M', true) => 5,
        ('S', true) => 6,
        _ => -1,
    };

    // Reads up to 9 digits and, when present, a fraction of up to 7 digits as ticks (-1 when absent).
    private static bool ReadNumber(string s, ref int i, out long value, out long fractionTicks)
    {
        value = 0;
        fractionTicks = -1;
        var start = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]) && i - start < 10)
        {
            value = (value * 10) + (s[i++] - '0');
        }

        if (i == start || i - start > 9)
        {
            return false;
        }

        if (i < s.Length && s[i] is '.' or ',')
        {
            var fractionStart = ++i;
            fractionTicks = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i]) && i - fractionStart < 7)
            {
                fractionTicks = (fractionTicks * 10) + (s[i++] - '0');
            }

            var digits = i - fractionStart;
            if (digits == 0 || (i < s.Length && char.IsAsciiDigit(s[i])))
            {
                return false;
            }

            for (var d = digits; d < 7; d++)
            {
                fractionTicks *= 10;
            }
        }

        return true;
    }

    private static bool Build(long[] parts, long fractionTicks, int sign, out IsoDuration duration)
    {
        duration = default;
        long Part(int rank) => Math.Max(parts[rank], 0);
        var days = Part(2) * 7 + Part(3);
        var ticks = (Int128)Part(4) * TimeSpan.TicksPerHour + (Int128)Part(5) * TimeSpan.TicksPerMinute +
                    (Int128)Part(6) * TimeSpan.TicksPerSecond + fractionTicks;
        if (Part(0) > int.MaxValue || Part(1) > int.MaxValue || days > int.MaxValue || ticks > long.MaxValue)
        {
            return false;
        }

        duration = new IsoDuration(sign * (int)Part(0), sign * (int)Part(1), sign * (int)days, TimeSpan.FromTicks(sign * (long)ticks));
        return true;
    }

    /// <summary>Adds this duration to <paramref name="start"/>: years, then months, then days (calendar
    /// arithmetic in the start's offset, so P1M from 31 January is 28 or 29 February), then the time.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The result is outside the representable dates.</exception>
    public DateTimeOffset AddTo(DateTimeOffset start) =>
        TryAddTo(start, out var result) ? result : throw new ArgumentOutOfRangeException(nameof(start), "the resulting date is out of range");

    /// <summary>Like <see cref="AddTo"/>, returning false instead of throwing when the result is out of range.</summary>
    public bool TryAddTo(DateTimeOffset start, out DateTimeOffset result)
    {
        result = start;
        var months = (Years * 12L) + Months;
        if (months is < -120_000 or > 120_000)
        {
            return false;
        }

        try
        {
            result = start.AddMonths((int)months).AddDays(Days).Add(Time);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            // Past year 9999 or before year 1, in UTC or in the start's offset.
            return false;
        }
    }

    /// <summary>The normalised ISO 8601 form: <c>P1W</c> reads back as <c>P7D</c>, <c>PT90M</c> as
    /// <c>PT1H30M</c>; zero is <c>PT0S</c>; a wholly negative duration has a leading <c>-</c>.</summary>
    public override string ToString()
    {
        var negative = Years <= 0 && Months <= 0 && Days <= 0 && Time <= TimeSpan.Zero &&
                       (Years < 0 || Months < 0 || Days < 0 || Time < TimeSpan.Zero);
        var sign = negative ? -1L : 1L;
        var text = new StringBuilder(negative ? "-P" : "P");
        Append(text, sign * Years, 'Y');
        Append(text, sign * Months, 'M');
        Append(text, sign * Days, 'D');
        var ticks = sign * (Int128)Time.Ticks;
        if (ticks != 0)
        {
            text.Append('T');
            var magnitude = Int128.Abs(ticks);
            var prefix = ticks < 0 ? "-" : "";
            Append(text, (long)(magnitude / TimeSpan.TicksPerHour), 'H', prefix);
            Append(text, (long)(magnitude % TimeSpan.TicksPerHour / TimeSpan.TicksPerMinute), 'M', prefix);
            var seconds = (long)(magnitude % TimeSpan.TicksPerMinute);
            if (seconds != 0)
            {
                var whole = seconds / TimeSpan.TicksPerSecond;
                var fraction = (seconds % TimeSpan.TicksPerSecond).ToString("0000000", CultureInfo.InvariantCulture).TrimEnd('0');
                text.Append(prefix).Append(whole.ToString(CultureInfo.InvariantCulture))
                    .Append(fraction.Length > 0 ? "." + fraction : "").Append('S');
            }
        }

        return text.Length <= 2 ? "PT0S" : text.ToString();
    }

    private static void Append(StringBuilder text, long value, char designator, string prefix = "")
    {
        if (value != 0)
        {
            text.Append(prefix).Append(value.ToString(CultureInfo.InvariantCulture)).Append(designator);
        }
    }
}
