using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Wuyi.Expressions.Functions;

/// <summary>
/// The Java-style methods Camunda models commonly call on values (<c>s.startsWith('x')</c>,
/// <c>list.size()</c>, <c>map.containsKey(k)</c>), mapped onto the same implementations as the functions.
/// Any other method name is a syntax error; calling one on the wrong kind of value is an evaluation error.
/// </summary>
internal static class MethodTable
{
    private const ReceiverKinds Any = ReceiverKinds.String | ReceiverKinds.List | ReceiverKinds.Map;
    private const ReceiverKinds Collections = ReceiverKinds.List | ReceiverKinds.Map;

    private static readonly FrozenDictionary<string, MethodDefinition> Methods = new MethodDefinition[]
    {
        new("startsWith", 1, 1, ReceiverKinds.String, StringFunctions.StartsWith),
        new("endsWith", 1, 1, ReceiverKinds.String, StringFunctions.EndsWith),
        new("toUpperCase", 0, 0, ReceiverKinds.String, StringFunctions.Upper),
        new("toLowerCase", 0, 0, ReceiverKinds.String, StringFunctions.Lower),
        new("trim", 0, 0, ReceiverKinds.String, StringFunctions.Trim),
        new("substring", 1, 2, ReceiverKinds.String, StringFunctions.Substring),
        new("length", 0, 0, ReceiverKinds.String, CollectionFunctions.Length),
        new("size", 0, 0, Collections, CollectionFunctions.Length),
        new("contains", 1, 1, ReceiverKinds.String | ReceiverKinds.List, CollectionFunctions.Contains),
        new("containsKey", 1, 1, ReceiverKinds.Map, CollectionFunctions.ContainsKey),
        new("get", 1, 1, Collections, CollectionFunctions.Get),
        new("isEmpty", 0, 0, Any, CollectionFunctions.IsEmpty),
        new("equals", 1, 1, Any, CollectionFunctions.Equal),
    }.ToFrozenDictionary(m => m.Name, StringComparer.Ordinal);

    /// <summary>The method names, for error messages.</summary>
    public static string Names { get; } = string.Join(", ", Methods.Keys.Order(StringComparer.Ordinal));

    /// <summary>Finds a whitelisted method by name.</summary>
    public static bool TryGet(string name, [MaybeNullWhen(false)] out MethodDefinition method) =>
        Methods.TryGetValue(name, out method);
}
