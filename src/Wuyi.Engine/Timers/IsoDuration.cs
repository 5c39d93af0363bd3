using System.Globalization;

namespace Wuyi.Engine.Timers;

/// <summary>
/// An ISO 8601 duration (<c>P1Y2M10DT2H30M</c>, <c>P2W</c>). Years and months are calendar units, so they
/// are kept apart from the fixed part and added with calendar arithmetic.
/// </summary>
internal readonly record struct IsoDuration(int Years, int Months, TimeSpan Fixed)
{
    public DateTimeOffset AddTo(DateTimeOffset instant) => instant.AddYears(Years).AddMonths(Months).Add(Fixed);

    public bool IsZero => Years == 0 && Months == 0 && Fixed == TimeSpan.Zero;

    public static bool TryParse(string? text, out IsoDuration duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim();
        if (s.Length < 2 || (s[0] != 'P' && s[0] != 'p')) return false;
        int years = 0, months = 0;
        var fixedPart = TimeSpan.Zero;
        var inTime = false;
        var any = false;
        var i = 1;
        while (i < s.Length)
        {
            if (s[i] is 'T' or 't')
            {
                if (inTime) return false;
                inTime = true;
                i++;
                continue;
            }
            var start = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.' || s[i] == ',')) i++;
            if (start == i || i >= s.Length) return false;
            if (!decimal.TryParse(s[start..i].Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n)) return false;
            if (n > 1_000_000) return false;
            var unit = char.ToUpperInvariant(s[i++]);
            any = true;
            try
            {
                switch (inTime, unit)
                {
                    case (false, 'Y') when n == decimal.Truncate(n): years += (int)n; break;
                    case (false, 'M') when n == decimal.Truncate(n): months += (int)n; break;
                    case (false, 'W'): fixedPart += TimeSpan.FromDays((double)n * 7); break;
                    case (false, 'D'): fixedPart += TimeSpan.FromDays((double)n); break;
                    case (true, 'H'): fixedPart += TimeSpan.FromHours((double)n); break;
                    case (true, 'M'): fixedPart += TimeSpan.FromMinutes((double)n); break;
                    case (true, 'S'): fixedPart += TimeSpan.FromSeconds((double)n); break;
                    default: return false;
                }
            }
            catch (OverflowException)
            {
                return false;
            }
        }
        if (!any || years > 10_000 || months > 120_000) return false;
        duration = new IsoDuration(years, months, fixedPart);
        return true;
    }
}
