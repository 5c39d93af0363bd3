using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Wuyi.Runtime.Store;

namespace Wuyi.Server.Apis;

/// <summary>Reads request variables (a JSON object) into the engine's values.</summary>
internal static class RequestVariables
{
    public static (IReadOnlyDictionary<string, object?> Variables, ProblemHttpResult? Problem) Read(JsonElement? json, string field = "variables")
    {
        if (json is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Null or JsonValueKind.Undefined) } element)
            return (JsonVariables.FromObject((JsonElement?)null), ApiProblems.BadRequest($"{field} must be a JSON object, not {element.ValueKind.ToString().ToLowerInvariant()}."));
        return (JsonVariables.FromObject(json), null);
    }

    /// <summary>Engine values as a JSON element for a response.</summary>
    public static JsonElement ToElement(IReadOnlyDictionary<string, object?> variables)
    {
        using var document = JsonDocument.Parse(JsonVariables.ToJson(variables));
        return document.RootElement.Clone();
    }

    /// <summary>A stored JSON text as an element (null stays null).</summary>
    public static JsonElement? ToElement(string? json)
    {
        if (json is null)
            return null;
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
