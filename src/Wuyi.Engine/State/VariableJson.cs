using System.Collections.Immutable;
using System.Text.Json;

namespace Wuyi.Engine.State;

/// <summary>
/// Reads JSON into the engine's variable values (null, bool, long, double, string, immutable lists and sorted
/// string-keyed maps) — the one conversion the simulator, the state reader and the runtime's API all use.
/// </summary>
public static class VariableJson
{
    /// <summary>One JSON value as an engine value; integers stay <see cref="long"/>, other numbers <see cref="double"/>.</summary>
    public static object? FromElement(JsonElement element) => JsonValues.FromElement(element);

    /// <summary>A JSON object's members as a variable map.</summary>
    public static ImmutableSortedDictionary<string, object?> ObjectFromElement(JsonElement element) => JsonValues.ObjectFromElement(element);
}
