using System.Globalization;
using System.Text;

namespace Wuyi.Expressions.Evaluation;

/// <summary>
/// The text form of values, used by templates, <c>concat</c> and <c>string()</c>: null is "", booleans are
/// "true"/"false", numbers are invariant-culture and round-trip ("7", "3.5", "1E+20"), lists and maps are
/// compact JSON.
/// </summary>
internal static class ValueText
{
    /// <summary>The text form of <paramref name="value"/>, or an error when it would be too long or deep.</summary>
    public static string? ToText(object? value, Evaluator? meter, out string text)
    {
        if (value is string s)
        {
            text = s;
            return null;
        }

        var builder = new StringBuilder();
        var error = Append(builder, value, meter);
        text = error is null ? builder.ToString() : "";
        return error;
    }

    /// <summary>Appends the text form, charging one step per list or map element to <paramref name="meter"/>.</summary>
    public static string? Append(StringBuilder builder, object? value, Evaluator? meter) =>
        Write(builder, value, meter, json: false, depth: 0);

    private static string? Write(StringBuilder builder, object? value, Evaluator? meter, bool json, int depth)
    {
        if (builder.Length > Expression.MaxStringLength)
        {
            return Evaluator.TooLongMessage;
        }

        switch (value)
        {
            case null:
                builder.Append(json ? "null" : "");
                return null;
            case bool b:
                builder.Append(b ? "true" : "false");
                return null;
            case long n:
                builder.Append(n.ToString(CultureInfo.InvariantCulture));
                return null;
            case double d:
                builder.Append(d.ToString("R", CultureInfo.InvariantCulture));
                return null;
            case string s when json:
                return s.Length > Expression.MaxStringLength ? Evaluator.TooLongMessage : Quote(builder, s);
            case string s:
                builder.Append(s);
                return null;
        }

        if (depth >= Expression.MaxDepth)
        {
            return "value is nested too deeply to convert to text";
        }

        var first = true;
        if (value is IReadOnlyList<object?> list)
        {
            builder.Append('[');
            foreach (var raw in list)
            {
                builder.Append(first ? "" : ",");
                first = false;
                if (Element(builder, raw, meter, depth) is { } error)
                {
                    return error;
                }
            }

            builder.Append(']');
            return null;
        }

        if (value is not IReadOnlyDictionary<string, object?> map)
        {
            return $"a value of type {value.GetType().Name} has no text form";
        }

        builder.Append('{');
        foreach (var (key, raw) in map)
        {
            builder.Append(first ? "" : ",");
            first = false;
            Quote(builder, key);
            builder.Append(':');
            if (Element(builder, raw, meter, depth) is { } error)
            {
                return error;
            }
        }

        builder.Append('}');
        return null;
    }

    private static string? Element(StringBuilder builder, object? raw, Evaluator? meter, int depth)
    {
        if (meter is not null && !meter.Charge(1))
        {
            return meter.BudgetMessage;
        }

        return Values.Normalize(raw, out var element) ?? Write(builder, element, meter, json: true, depth + 1);
    }

    private static string? Quote(StringBuilder builder, string s)
    {
        builder.Append('"');
        foreach (var c in s)
        {
            _ = c switch
            {
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                < ' ' => builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => builder.Append(c),
            };
        }

        builder.Append('"');
        return null;
    }

    /// <summary>A short description for error messages: <c>string 'abc'</c>, <c>number 5</c>, <c>a list</c>.</summary>
    public static string Describe(object? value) => value switch
    {
        null => "null",
        bool b => b ? "boolean true" : "boolean false",
        long or double => $"number {ToPlainText(value)}",
        string s => $"string '{Syntax.Tokenizer.Shorten(s)}'",
        _ => Values.KindOf(value),
    };

    private static string ToPlainText(object value)
    {
        ToText(value, null, out var text);
        return text;
    }
}
