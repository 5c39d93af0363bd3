using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Wuyi.Server.Hosting;

namespace Wuyi.Server.Apis;

/// <summary>
/// Says in the API's terms why the framework could not bind a request: which field, what it expected, what came.
/// The framework's own messages name .NET types ("could not be converted to System.Int32", "parameter
/// StartInstanceBody body"), which mean nothing to a client and give away internals.
/// </summary>
internal static partial class BindingFailures
{
    /// <summary>The field, expected and got of a binding failure, and a sentence for a person.</summary>
    public static InputRefusal Describe(BadHttpRequestException failure, HttpContext context)
    {
        if (failure.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            var limit = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? 0;
            return InputRefusal.TooLarge(limit);
        }
        if (failure.StatusCode == StatusCodes.Status415UnsupportedMediaType)
            return new InputRefusal(failure.StatusCode, "Content-Type", "application/json", context.Request.ContentType ?? "none",
                $"Send the body as application/json, not {context.Request.ContentType ?? "without a content type"}.", null);
        if (failure.InnerException is JsonException json)
            return FromJson(json, context);
        if (BindFailed().Match(failure.Message) is { Success: true } bind)
        {
            var name = Camel(bind.Groups["name"].Value);
            var expected = Expected(bind.Groups["type"].Value);
            var got = bind.Groups["value"].Value;
            return new InputRefusal(failure.StatusCode, name, expected, Quote(got), $"{name} must be {expected}; got {Quote(got)}.", null);
        }
        if (Required().Match(failure.Message) is { Success: true } required)
        {
            var source = required.Groups["source"].Value;
            if (source == "body")
                return new InputRefusal(failure.StatusCode, "body", "a JSON object", "no body",
                    "The body is required: send a JSON object (the OpenAPI document at /openapi/v1.json describes it).", null);
            var name = Camel(required.Groups["name"].Value);
            return new InputRefusal(failure.StatusCode, name, "a value", "nothing", $"{name} is required ({source}).", null);
        }
        if (failure.Message.Contains("no body was provided", StringComparison.Ordinal))
            return new InputRefusal(failure.StatusCode, "body", "a JSON object", "no body",
                "The body is required: send a JSON object (the OpenAPI document at /openapi/v1.json describes it).", null);
        return new InputRefusal(failure.StatusCode, "request", "a request as the OpenAPI document describes it", "one that cannot be read",
            "The request cannot be read as this endpoint expects; the OpenAPI document at /openapi/v1.json describes it.", null);
    }

    private static InputRefusal FromJson(JsonException json, HttpContext context)
    {
        var path = json.Path is { Length: > 1 } p ? p.TrimStart('$').TrimStart('.') : "";
        var field = path.Length == 0 ? "the body" : path;
        // The serializer's message names the record that holds the field, not the field's own type: find that from
        // the type the endpoint accepts, along the path.
        var accepted = context.Items[RequestGuard.AcceptedItem] as Type;
        var expected = accepted is not null && TypeAt(accepted, json.Path ?? "$") is { } type ? Expected(type) : "valid JSON for this field";
        var got = context.Items[RequestGuard.BodyItem] is byte[] body ? Got(body, json.Path ?? "$") : "a value of another kind";
        return new InputRefusal(StatusCodes.Status400BadRequest, field, expected, got, $"{field} must be {expected}; got {got}.", null);
    }

    /// <summary>The .NET type bound at <paramref name="path"/> (<c>$.a.b[2]</c>) of <paramref name="root"/>, if it can be told.</summary>
    private static Type? TypeAt(Type root, string path)
    {
        var type = root;
        foreach (Match segment in PathSegment().Matches(path))
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (segment.Groups["index"].Success)
                type = ElementType(type);
            else
            {
                var name = segment.Groups["name"].Success ? segment.Groups["name"].Value : segment.Groups["quoted"].Value;
                type = DictionaryValueType(type)
                    ?? type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.PropertyType;
            }
            if (type is null)
                return null;
        }
        return type;
    }

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            ?.GetGenericArguments()[0];

    private static Type? DictionaryValueType(Type type) =>
        type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType
                && (i.GetGenericTypeDefinition() == typeof(IDictionary<,>) || i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)))
            ?.GetGenericArguments()[1];

    /// <summary>A .NET type in the API's words.</summary>
    private static string Expected(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
            return "a string";
        if (type == typeof(JsonElement))
            return "a JSON value";
        if (type.IsPrimitive || type == typeof(decimal) || type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(TimeSpan))
            return Expected(type.Name);
        if (type.IsEnum)
            return $"one of {string.Join(", ", Enum.GetNames(type).Select(n => char.ToLowerInvariant(n[0]) + n[1..]))}";
        if (DictionaryValueType(type) is not null)
            return "an object";
        return ElementType(type) is not null ? "an array" : "an object";
    }

    /// <summary>What kind of JSON value sits at <paramref name="path"/> (<c>$.a.b[2]</c>) of the body.</summary>
    private static string Got(byte[] body, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 256 });
            var element = document.RootElement;
            foreach (Match segment in PathSegment().Matches(path))
            {
                if (segment.Groups["index"].Success)
                {
                    var index = int.Parse(segment.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture);
                    if (element.ValueKind != JsonValueKind.Array || index >= element.GetArrayLength())
                        return "a value of another kind";
                    element = element[index];
                }
                else
                {
                    var name = segment.Groups["name"].Success ? segment.Groups["name"].Value : segment.Groups["quoted"].Value;
                    if (element.ValueKind != JsonValueKind.Object || !TryGetProperty(element, name, out element))
                        return "a value of another kind";
                }
            }
            return element.ValueKind switch
            {
                JsonValueKind.String => $"the string {Quote(element.GetString() ?? "")}",
                JsonValueKind.Number => $"the number {Shorten(element.GetRawText())}",
                JsonValueKind.True or JsonValueKind.False => $"the boolean {element.GetRawText()}",
                JsonValueKind.Null => "null",
                JsonValueKind.Array => "an array",
                _ => "an object",
            };
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return "a value of another kind";
        }
    }

    // Binding matches property names case-insensitively; so does finding what was sent.
    private static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
    {
        foreach (var property in element.EnumerateObject())
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        value = default;
        return false;
    }

    /// <summary>A .NET type's name in the API's words.</summary>
    private static string Expected(string type) => type switch
    {
        _ when type.Contains("DateTimeOffset") || type.Contains("DateTime") =>
            "a date and time in ISO 8601 with an offset (e.g. 2022-08-24T09:00:00+08:00)",
        _ when type.Contains("TimeSpan") => "a duration",
        _ when type.Contains("Boolean") || type.Contains("bool") => "true or false",
        _ when type.Contains("Int") || type.Contains("int") || type.Contains("long") => "an integer",
        _ when type.Contains("Double") || type.Contains("Decimal") || type.Contains("Single") || type.Contains("double") => "a number",
        _ when type.Contains("Dictionary") => "an object",
        _ when type.Contains("List") || type.Contains("[]") || type.Contains("Enumerable") => "an array",
        _ when type.Contains("JsonElement") => "a JSON value",
        _ when type.Contains("String") || type == "string" || type == "string?" => "a string",
        _ => "an object",
    };

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    private static string Quote(string value) => $"'{Shorten(value)}'";

    private static string Shorten(string value) => value.Length <= 64 ? value : value[..64] + "…";

    [GeneratedRegex("""^Failed to bind parameter "(?<type>.+) (?<name>[^ "]+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex BindFailed();

    [GeneratedRegex("""^Required parameter "(?<type>.+) (?<name>[^ "]+)" was not provided from (?<source>.+?)\.$""", RegexOptions.Singleline)]
    private static partial Regex Required();

    [GeneratedRegex("""\.(?<name>[^.\[]+)|\['(?<quoted>[^']*)'\]|\[(?<index>\d+)\]""")]
    private static partial Regex PathSegment();
}
