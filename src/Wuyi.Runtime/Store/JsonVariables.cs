using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Wuyi.Engine.State;

namespace Wuyi.Runtime.Store;

/// <summary>
/// Variables cross the API and the outbox as JSON; the engine takes JSON-shaped CLR values (null, bool,
/// long, double, string, lists, string-keyed maps). This converts between the two.
/// </summary>
public static class JsonVariables
{
    /// <summary>Serializer options: readable Chinese, camelCase untouched.</summary>
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Reads a JSON object's members as variables; null or undefined gives an empty map.</summary>
    /// <exception cref="ArgumentException">The JSON is not an object.</exception>
    public static ImmutableSortedDictionary<string, object?> FromObject(JsonElement? json)
    {
        if (json is not { } element || element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
            return ImmutableSortedDictionary<string, object?>.Empty.WithComparers(StringComparer.Ordinal);
        if (element.ValueKind != JsonValueKind.Object)
            throw new ArgumentException("variables must be a JSON object");
        return VariableJson.ObjectFromElement(element);
    }

    /// <summary>Reads a JSON text holding an object.</summary>
    public static ImmutableSortedDictionary<string, object?> FromObject(string json)
    {
        using var document = JsonDocument.Parse(json);
        return FromObject(document.RootElement);
    }

    /// <summary>Converts one JSON value to the engine's representation.</summary>
    public static object? FromValue(JsonElement e) => VariableJson.FromElement(e);

    /// <summary>Writes variables as a JSON object text.</summary>
    public static string ToJson(IReadOnlyDictionary<string, object?>? variables) =>
        JsonSerializer.Serialize(variables ?? new Dictionary<string, object?>(), Options);

    /// <summary>Variables as a JSON object node, to embed in a larger document (outbox payloads, held stimuli).</summary>
    public static JsonNode? ToNode(IReadOnlyDictionary<string, object?>? variables) => JsonNode.Parse(ToJson(variables));
}
