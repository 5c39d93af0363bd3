using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Wuyi.Runtime.Limits;

namespace Wuyi.Server.Hosting;

/// <summary>
/// Reads a JSON body once, token by token (no tree is built, so a hostile depth costs nothing), and finds the
/// first thing no endpoint can accept: invalid JSON, nesting deeper than the limit, a NUL or a lone surrogate in
/// any string or property name, a key longer than its column.
/// </summary>
internal static class JsonBodyCheck
{
    // The body object and its variables object wrap the values whose depth the limit is about.
    private const int EnvelopeDepth = 2;

    public static InputRefusal? Check(byte[] body, InputLimits limits)
    {
        var maxDepth = limits.MaxJsonDepth + EnvelopeDepth;
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = maxDepth + 1 });
        var path = new List<Segment>();
        string? property = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        property = Text(ref reader, Describe(path, null) + ".(a property name)", out var nameRefusal);
                        if (nameRefusal is not null)
                            return nameRefusal;
                        if (InputText.Check(Describe(path, property), property!, maxLength: null) is { } bad)
                            return bad;
                        continue;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        if (reader.CurrentDepth >= maxDepth)
                            return TooDeep(Describe(path, property), limits.MaxJsonDepth);
                        path.Add(new Segment(property, reader.TokenType == JsonTokenType.StartArray));
                        property = null;
                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        Advance(path);
                        continue;
                    case JsonTokenType.String:
                        var field = Describe(path, property);
                        var value = Text(ref reader, field, out var refusal);
                        if (refusal is not null)
                            return refusal;
                        var isKey = property is not null && InputText.KeyProperties.Contains(property) && !InVariables(path);
                        if (InputText.Check(field, value!, isKey ? limits.MaxKeyLength : null) is { } bad2)
                            return bad2;
                        break;
                }
                property = null;
                Advance(path);
            }
        }
        catch (JsonException e)
        {
            return new InputRefusal(StatusCodes.Status400BadRequest, "body", "a JSON document", "text that is not valid JSON",
                $"The body is not valid JSON: {e.Message}", null);
        }
        return null;
    }

    private static string? Text(ref Utf8JsonReader reader, string field, out InputRefusal? refusal)
    {
        refusal = null;
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses to decode "\ud800" alone; that is the only way GetString fails on a string token.
            refusal = InputText.LoneSurrogate(field);
            return null;
        }
    }

    private static InputRefusal TooDeep(string field, int limit) =>
        new(StatusCodes.Status400BadRequest, field, $"values nested at most {limit} levels deep",
            $"nesting deeper than {limit} levels",
            $"{field} is nested deeper than the limit of {limit} levels of objects and arrays (Wuyi:Limits:MaxJsonDepth).",
            "MaxJsonDepth");

    private static bool InVariables(List<Segment> path) =>
        path.Any(s => string.Equals(s.Property, "variables", StringComparison.OrdinalIgnoreCase));

    // The next element of an array gets the next index.
    private static void Advance(List<Segment> path)
    {
        if (path.Count > 0 && path[^1].IsArray)
            path[^1] = path[^1] with { Index = path[^1].Index + 1 };
    }

    /// <summary>The JSON path of the current value, as a client reads it (<c>variables.items[2].name</c>).</summary>
    private static string Describe(List<Segment> path, string? property)
    {
        var text = new StringBuilder();
        for (var i = 0; i < path.Count; i++)
        {
            if (path[i].Property is { } name)
                text.Append(text.Length == 0 ? "" : ".").Append(Shorten(name));
            if (path[i].IsArray && (i + 1 < path.Count || property is null))
                text.Append('[').Append(path[i].Index).Append(']');
        }
        if (property is not null)
            text.Append(text.Length == 0 ? "" : ".").Append(Shorten(property));
        return text.Length == 0 ? "the body" : text.ToString();
    }

    // A hostile property name may be a megabyte long; a problem names it, it need not repeat it.
    private static string Shorten(string name) => name.Length <= 64 ? name : name[..64] + "…";

    private sealed record Segment(string? Property, bool IsArray, int Index = 0);
}
