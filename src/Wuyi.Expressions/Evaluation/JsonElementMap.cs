using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Wuyi.Expressions.Evaluation;

/// <summary>A JSON object seen as a map of expression values, converting each value when it is read.</summary>
internal sealed class JsonElementMap(JsonElement map) : IReadOnlyDictionary<string, object?>
{
    public int Count => map.EnumerateObject().Count();

    public IEnumerable<string> Keys => map.EnumerateObject().Select(p => p.Name);

    public IEnumerable<object?> Values => map.EnumerateObject().Select(p => Convert(p.Value));

    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public bool ContainsKey(string key) => map.TryGetProperty(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        if (map.TryGetProperty(key, out var element))
        {
            value = Convert(element);
            return true;
        }

        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() =>
        map.EnumerateObject().Select(p => new KeyValuePair<string, object?>(p.Name, Convert(p.Value))).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static object? Convert(JsonElement element)
    {
        Evaluation.Values.Normalize(element, out var value);
        return value;
    }
}
