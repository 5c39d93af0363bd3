using System.Globalization;

namespace Wuyi.Expressions.Evaluation;

/// <summary>JUEL's type coercions (JSR 245 §1.18), limited to JSON-shaped values. Each returns an error
/// message instead of throwing.</summary>
internal static class Coercion
{
    /// <summary>To a number (a boxed <see cref="long"/> or <see cref="double"/>): null and "" are 0, numeric
    /// strings are parsed, anything else is an error.</summary>
    public static string? ToNumber(object? value, out object number)
    {
        number = 0L;
        switch (value)
        {
            case null:
                return null;
            case long or double:
                number = value;
                return null;
            case string s when s.Length == 0:
                return null;
            case string s when TryParseNumber(s, out var parsed):
                number = parsed;
                return null;
            default:
                return $"cannot coerce {ValueText.Describe(value)} to a number";
        }
    }

    /// <summary>Parses a decimal integer (to long) or a decimal number (to double), invariant culture.</summary>
    public static bool TryParseNumber(string text, out object number)
    {
        var trimmed = text.AsSpan().Trim();
        if (long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            number = integer;
            return true;
        }

        if (double.TryParse(trimmed, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out var real) && double.IsFinite(real))
        {
            number = real;
            return true;
        }

        number = 0L;
        return false;
    }

    /// <summary>To a boolean: null and "" are false, a string is true when it equals "true" ignoring case
    /// (Java's Boolean.valueOf), numbers, lists and maps are errors.</summary>
    public static string? ToBoolean(object? value, out bool result)
    {
        result = false;
        switch (value)
        {
            case null:
                return null;
            case bool b:
                result = b;
                return null;
            case string s:
                result = s.Equals("true", StringComparison.OrdinalIgnoreCase);
                return null;
            default:
                return $"cannot coerce {ValueText.Describe(value)} to a boolean";
        }
    }

    /// <summary>To a whole number, for list indexes and string positions.</summary>
    public static string? ToInteger(object? value, out long result)
    {
        result = 0;
        var error = ToNumber(value, out var number);
        if (error is not null || value is null)
        {
            return error ?? "expected a whole number but found null";
        }

        switch (number)
        {
            case long n:
                result = n;
                return null;
            case double d when d == Math.Floor(d) && d >= long.MinValue && d <= long.MaxValue:
                result = (long)d;
                return null;
            default:
                return $"expected a whole number but found {ValueText.Describe(value)}";
        }
    }

    /// <summary>To a double, for division and the math functions.</summary>
    public static double ToDouble(object number) => number is long n ? n : (double)number;
}
