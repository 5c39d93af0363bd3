using System.Text.Json;

namespace Wuyi.Certification.Certifications;

/// <summary>Reads process variables (JSON-shaped engine values) for the read models.</summary>
internal static class EngineValues
{
    // Engine values are null, bool, long, double, string, immutable lists and string-keyed maps: plain JSON.
    public static JsonElement? ToJson(object? value) => value is null ? null : JsonSerializer.SerializeToElement(value);

    public static string? Text(IReadOnlyDictionary<string, object?> variables, string name) =>
        variables.TryGetValue(name, out var value) && value is string text ? text : null;

    public static DateTimeOffset? Date(IReadOnlyDictionary<string, object?> variables, string name) =>
        Text(variables, name) is { } text && Wuyi.Expressions.IsoDate.TryParse(text, out var date) ? date : null;

    public static JsonElement? Json(IReadOnlyDictionary<string, object?> variables, string name) =>
        variables.TryGetValue(name, out var value) ? ToJson(value) : null;
}
