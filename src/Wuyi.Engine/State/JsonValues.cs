using System.Collections;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace Wuyi.Engine.State;

/// <summary>
/// Variable values are JSON-shaped (as <see cref="Wuyi.Expressions.ExpressionResult"/> describes): null, bool,
/// long, double, string, lists and string-keyed maps. This brings any such value into one canonical form
/// (maps sorted by key, lists immutable) so that equal values serialise to equal bytes.
/// </summary>
internal static class JsonValues
{
    public static object? Canonical(object? value) => value switch
    {
        null or bool or long or double or string => value,
        int i => (long)i,
        short s => (long)s,
        byte b => (long)b,
        uint u => (long)u,
        float f => (double)f,
        decimal m => (double)m,
        DateTimeOffset d => Timers.IsoInstant.Format(d),
        JsonElement e => FromElement(e),
        ImmutableSortedDictionary<string, object?> sorted when ReferenceEquals(sorted.KeyComparer, StringComparer.Ordinal) && sorted.Values.All(IsCanonical) => sorted,
        ImmutableArray<object?> array when array.All(IsCanonical) => array,
        IEnumerable<KeyValuePair<string, object?>> map => VariableMaps.From(map),
        IDictionary dictionary => VariableMaps.From(dictionary.Keys.Cast<object>().Select(k => new KeyValuePair<string, object?>(Convert.ToString(k, CultureInfo.InvariantCulture) ?? "", dictionary[k]))),
        IEnumerable list => list.Cast<object?>().Select(Canonical).ToImmutableArray(),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static bool IsCanonical(object? value) => value is null or bool or long or double or string
        or ImmutableArray<object?> or ImmutableSortedDictionary<string, object?>;

    public static object? FromElement(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => IsInteger(e.GetRawText()) && e.TryGetInt64(out var l) ? (object)l : e.GetDouble(),
        JsonValueKind.Array => e.EnumerateArray().Select(FromElement).ToImmutableArray(),
        _ => ObjectFromElement(e),
    };

    private static bool IsInteger(string raw) => raw.AsSpan().IndexOfAny(".eE") < 0;

    public static ImmutableSortedDictionary<string, object?> ObjectFromElement(JsonElement e)
    {
        var builder = VariableMaps.Empty.ToBuilder();
        foreach (var p in e.EnumerateObject()) builder[p.Name] = FromElement(p.Value);
        return builder.ToImmutable();
    }

    public static void Write(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null: w.WriteNullValue(); break;
            case bool b: w.WriteBooleanValue(b); break;
            case long l: w.WriteNumberValue(l); break;
            case double d: WriteDouble(w, d); break;
            case string s: w.WriteStringValue(s); break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                w.WriteStartObject();
                foreach (var (k, v) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    w.WritePropertyName(k);
                    Write(w, v);
                }
                w.WriteEndObject();
                break;
            case IEnumerable list:
                w.WriteStartArray();
                foreach (var item in list) Write(w, item);
                w.WriteEndArray();
                break;
            default: Write(w, Canonical(value)); break;
        }
    }

    // A double that happens to be whole is written with ".0", so that it reads back as a double, not a long.
    private static void WriteDouble(Utf8JsonWriter w, double d)
    {
        if (!double.IsFinite(d)) { w.WriteNullValue(); return; }
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        if (text.AsSpan().IndexOfAny(".eE") < 0) text += ".0";
        w.WriteRawValue(text, skipInputValidation: true);
    }

    public static void WriteMap(Utf8JsonWriter w, IEnumerable<KeyValuePair<string, object?>> map) => Write(w, map);

    /// <summary>Deep equality of JSON-shaped values; 1 and 1.0 are equal, as they are in JSON.</summary>
    public static bool DeepEquals(object? a, object? b)
    {
        a = Canonical(a);
        b = Canonical(b);
        switch (a, b)
        {
            case (null, null): return true;
            case (long x, double y): return x == y;
            case (double x, long y): return x == y;
            case (IReadOnlyDictionary<string, object?> x, IReadOnlyDictionary<string, object?> y):
                return x.Count == y.Count && x.All(p => y.TryGetValue(p.Key, out var v) && DeepEquals(p.Value, v));
            case (ImmutableArray<object?> x, ImmutableArray<object?> y):
                return x.Length == y.Length && x.Zip(y).All(p => DeepEquals(p.First, p.Second));
            default: return Equals(a, b);
        }
    }
}
