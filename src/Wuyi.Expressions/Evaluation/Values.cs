using System.Collections;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Wuyi.Expressions.Evaluation;

/// <summary>
/// Brings host values into the JSON shape the evaluator works on (null, bool, long, double, string,
/// <see cref="IReadOnlyList{T}"/>, <see cref="IReadOnlyDictionary{TKey,TValue}"/>). Shallow on purpose: a
/// container is wrapped or passed through and its elements are normalised when they are read, so looking a
/// large variable up costs the same as looking a small one up.
/// </summary>
internal static class Values
{
    /// <summary>Normalises one value; returns an error naming the type when it has no JSON shape.</summary>
    public static string? Normalize(object? raw, out object? value)
    {
        value = raw switch
        {
            null or bool or long or double or string => raw,
            int n => (long)n,
            short n => (long)n,
            sbyte n => (long)n,
            byte n => (long)n,
            ushort n => (long)n,
            uint n => (long)n,
            ulong n => n <= long.MaxValue ? (object)(long)n : (double)n,
            float n => (double)n,
            decimal n => (double)n,
            char c => c.ToString(),
            DateTimeOffset d => IsoDate.ToText(d),
            // A DateTime without a kind is taken as UTC; ToUniversalTime clamps instead of throwing at the range ends.
            DateTime d => IsoDate.ToText(new DateTimeOffset(d.Kind == DateTimeKind.Local ? d.ToUniversalTime() : DateTime.SpecifyKind(d, DateTimeKind.Utc), TimeSpan.Zero)),
            DateOnly d => IsoDate.ToText(new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)),
            IsoDuration d => d.ToString(),
            JsonElement e => FromJson(e),
            JsonObject o => o.ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.Ordinal),
            JsonArray a => a.Select(n => (object?)n).ToList(),
            JsonValue v => FromJson(v.TryGetValue<JsonElement>(out var element) ? element : JsonSerializer.SerializeToElement(v)),
            IReadOnlyList<object?> or IReadOnlyDictionary<string, object?> => raw,
            IDictionary d => FromDictionary(d),
            IEnumerable e => e.Cast<object?>().ToList(),
            _ => Unsupported.Instance,
        };
        if (value is Unsupported)
        {
            value = null;
            return $"a value of type {raw!.GetType().Name} cannot be used in expressions";
        }

        return null;
    }

    private static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var n) ? (object)n : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => new JsonElementList(element),
        JsonValueKind.Object => new JsonElementMap(element),
        _ => null,
    };

    private static object FromDictionary(IDictionary dictionary)
    {
        var map = new Dictionary<string, object?>(dictionary.Count, StringComparer.Ordinal);
        foreach (DictionaryEntry entry in dictionary)
        {
            if (entry.Key is not string key)
            {
                return Unsupported.Instance;
            }

            map[key] = entry.Value;
        }

        return map;
    }

    /// <summary>JUEL's <c>empty</c>: null, "", and empty lists and maps.</summary>
    public static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string s => s.Length == 0,
        IReadOnlyList<object?> list => list.Count == 0,
        IReadOnlyDictionary<string, object?> map => map.Count == 0,
        _ => false,
    };

    /// <summary>What kind of value this is, for messages: "a string", "a list"…</summary>
    public static string KindOf(object? value) => value switch
    {
        null => "null",
        bool => "a boolean",
        long or double => "a number",
        string => "a string",
        IReadOnlyList<object?> => "a list",
        _ => "a map",
    };

    // Marks a host value with no JSON shape; never escapes this class.
    private sealed class Unsupported
    {
        public static readonly Unsupported Instance = new();
    }
}
