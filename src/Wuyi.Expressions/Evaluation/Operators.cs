using Wuyi.Expressions.Syntax;

namespace Wuyi.Expressions.Evaluation;

/// <summary>
/// The arithmetic and comparison operators with JUEL semantics: <c>+ - * %</c> stay in long arithmetic when
/// both operands are whole numbers (overflow is an error, not a wrap-around), <c>/</c> always yields a double,
/// and there is no string <c>+</c> (use <c>concat</c>).
/// </summary>
internal static class Operators
{
    /// <summary>Applies an arithmetic operator; returns an error message or sets <paramref name="result"/>.</summary>
    public static string? Arithmetic(BinaryOperator op, object? left, object? right, out object? result)
    {
        result = 0L;
        if (left is null && right is null)
        {
            return null;
        }

        var leftError = Coercion.ToNumber(left, out var a);
        var rightError = Coercion.ToNumber(right, out var b);
        if ((leftError ?? rightError) is { } error)
        {
            return op == BinaryOperator.Add && (left is string || right is string)
                ? error + "; '+' adds numbers only, use concat(a, b) to join strings"
                : error;
        }

        if (op == BinaryOperator.Divide)
        {
            var divisor = Coercion.ToDouble(b);
            return divisor == 0 ? "division by zero" : Real(Coercion.ToDouble(a) / divisor, out result);
        }

        if (a is long x && b is long y)
        {
            return Whole(op, x, y, out result);
        }

        var (p, q) = (Coercion.ToDouble(a), Coercion.ToDouble(b));
        return op switch
        {
            BinaryOperator.Add => Real(p + q, out result),
            BinaryOperator.Subtract => Real(p - q, out result),
            BinaryOperator.Multiply => Real(p * q, out result),
            _ => q == 0 ? "division by zero" : Real(p % q, out result),
        };
    }

    private static string? Whole(BinaryOperator op, long x, long y, out object? result)
    {
        result = 0L;
        if (op == BinaryOperator.Modulo)
        {
            if (y == 0)
            {
                return "division by zero";
            }

            // long.MinValue % -1 overflows in .NET although the answer is 0.
            result = y == -1 ? 0L : x % y;
            return null;
        }

        Int128 wide = op switch
        {
            BinaryOperator.Add => (Int128)x + y,
            BinaryOperator.Subtract => (Int128)x - y,
            _ => (Int128)x * y,
        };
        if (wide > long.MaxValue || wide < long.MinValue)
        {
            return "integer overflow";
        }

        result = (long)wide;
        return null;
    }

    private static string? Real(double value, out object? result)
    {
        result = value;
        return double.IsFinite(value) ? null : "numeric overflow";
    }

    /// <summary>Unary minus: null is 0, numeric strings are numbers.</summary>
    public static string? Negate(object? operand, out object? result)
    {
        result = null;
        var error = Coercion.ToNumber(operand, out var number);
        if (error is not null)
        {
            return error;
        }

        if (number is long n)
        {
            result = -(Int128)n > long.MaxValue ? null : -n;
            return result is null ? "integer overflow" : null;
        }

        result = -(double)number;
        return null;
    }

    /// <summary>
    /// JUEL <c>==</c>: null equals only null; numbers compare numerically (a numeric string is coerced);
    /// booleans compare with booleans and with "true"/"false"; strings ordinally; lists and maps
    /// element by element. Values of incompatible types are simply unequal.
    /// </summary>
    public static bool AreEqual(object? left, object? right, int depth = 0)
    {
        switch (left, right)
        {
            case (null, null):
                return true;
            case (null, _) or (_, null):
                return false;
            case (long x, long y):
                return x == y;
            case (long or double, long or double):
                return Coercion.ToDouble(left) == Coercion.ToDouble(right);
            case (long or double, string s):
                return Coercion.TryParseNumber(s, out var n) && AreEqual(left, n);
            case (string s, long or double):
                return Coercion.TryParseNumber(s, out var m) && AreEqual(m, right);
            case (bool x, bool y):
                return x == y;
            case (bool x, string s):
                return s.Equals(x ? "true" : "false", StringComparison.OrdinalIgnoreCase);
            case (string s, bool y):
                return s.Equals(y ? "true" : "false", StringComparison.OrdinalIgnoreCase);
            case (string x, string y):
                return string.Equals(x, y, StringComparison.Ordinal);
            case (IReadOnlyList<object?> x, IReadOnlyList<object?> y):
                return depth < Expression.MaxDepth && ListsEqual(x, y, depth + 1);
            case (IReadOnlyDictionary<string, object?> x, IReadOnlyDictionary<string, object?> y):
                return depth < Expression.MaxDepth && MapsEqual(x, y, depth + 1);
            default:
                return false;
        }
    }

    private static bool ListsEqual(IReadOnlyList<object?> x, IReadOnlyList<object?> y, int depth)
    {
        if (x.Count != y.Count)
        {
            return false;
        }

        for (var i = 0; i < x.Count; i++)
        {
            if (!AreEqual(Element(x[i]), Element(y[i]), depth))
            {
                return false;
            }
        }

        return true;
    }

    private static bool MapsEqual(IReadOnlyDictionary<string, object?> x, IReadOnlyDictionary<string, object?> y, int depth)
    {
        if (x.Count != y.Count)
        {
            return false;
        }

        foreach (var (key, value) in x)
        {
            if (!y.TryGetValue(key, out var other) || !AreEqual(Element(value), Element(other), depth))
            {
                return false;
            }
        }

        return true;
    }

    private static object? Element(object? raw)
    {
        Values.Normalize(raw, out var value);
        return value;
    }

    /// <summary>JUEL <c>&lt; &gt; &lt;= &gt;=</c>: false when either side is null; numbers numerically (a numeric
    /// string is coerced), strings ordinally (so ISO dates with one offset order correctly); anything else
    /// is an error.</summary>
    public static string? Compare(BinaryOperator op, object? left, object? right, out bool result)
    {
        result = false;
        int order;
        switch (left, right)
        {
            case (null, _) or (_, null):
                return null;
            case (string x, string y):
                order = string.CompareOrdinal(x, y);
                break;
            case (long x, long y):
                order = x.CompareTo(y);
                break;
            case (long or double or string, long or double or string):
                var leftError = Coercion.ToNumber(left, out var a);
                var rightError = Coercion.ToNumber(right, out var b);
                if ((leftError ?? rightError) is not null)
                {
                    return $"cannot compare {ValueText.Describe(left)} with {ValueText.Describe(right)}";
                }

                order = Coercion.ToDouble(a).CompareTo(Coercion.ToDouble(b));
                break;
            default:
                return $"cannot compare {ValueText.Describe(left)} with {ValueText.Describe(right)}";
        }

        result = op switch
        {
            BinaryOperator.Less => order < 0,
            BinaryOperator.Greater => order > 0,
            BinaryOperator.LessOrEqual => order <= 0,
            _ => order >= 0,
        };
        return null;
    }
}
