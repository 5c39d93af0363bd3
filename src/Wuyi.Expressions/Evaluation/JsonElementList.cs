using System.Collections;
using System.Text.Json;

namespace Wuyi.Expressions.Evaluation;

/// <summary>A JSON array seen as a list of expression values, converting each element when it is read.</summary>
internal sealed class JsonElementList(JsonElement array) : IReadOnlyList<object?>
{
    public int Count => array.GetArrayLength();

    public object? this[int index] => Convert(array[index]);

    public IEnumerator<object?> GetEnumerator() => array.EnumerateArray().Select(Convert).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static object? Convert(JsonElement element)
    {
        Values.Normalize(element, out var value);
        return value;
    }
}
