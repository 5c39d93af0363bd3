using System.Collections.Immutable;
using System.Text.Json;

namespace Wuyi.Runtime.Forms;

/// <summary>
/// A Camunda Form (the bpmn.io form-js JSON schema, as Camunda Modeler writes <c>*.form</c> files) read for
/// validation: its id and its input fields, groups flattened into dotted paths. Display-only components (text,
/// spacer, separator, image, button) carry no value and are skipped.
/// </summary>
public sealed class FormSchema
{
    private static readonly HashSet<string> Inputs =
        ["textfield", "textarea", "number", "checkbox", "radio", "select", "checklist", "taglist", "datetime"];

    private FormSchema(string id, ImmutableArray<FormField> fields)
    {
        Id = id;
        Fields = fields;
    }

    /// <summary>The schema's <c>id</c>: what <c>camunda:formRef</c> or <c>camunda:formKey</c> names.</summary>
    public string Id { get; }

    /// <summary>Every input, in the form's order.</summary>
    public ImmutableArray<FormField> Fields { get; }

    /// <summary>Reads a schema; the error says what is wrong with it when it is not one.</summary>
    public static (FormSchema? Schema, string? Error) Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return (null, "a form is a JSON object");
            if (!root.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(id.GetString()))
                return (null, "the form has no id");
            if (!root.TryGetProperty("components", out var components) || components.ValueKind != JsonValueKind.Array)
                return (null, $"form {id.GetString()} has no components");
            var fields = ImmutableArray.CreateBuilder<FormField>();
            if (Collect(components, "", fields) is { } error)
                return (null, $"form {id.GetString()}: {error}");
            return (new FormSchema(id.GetString()!, fields.ToImmutable()), null);
        }
        catch (JsonException e)
        {
            return (null, $"a form must be JSON: {e.Message}");
        }
    }

    private static string? Collect(JsonElement components, string prefix, ImmutableArray<FormField>.Builder fields)
    {
        foreach (var c in components.EnumerateArray())
        {
            var type = Text(c, "type") ?? "";
            if (type is "group" or "dynamiclist")
            {
                if (type == "dynamiclist")
                    return "dynamic lists are not supported";
                var path = Text(c, "path");
                var inner = string.IsNullOrEmpty(path) ? prefix : prefix + path + ".";
                if (c.TryGetProperty("components", out var children) && children.ValueKind == JsonValueKind.Array
                    && Collect(children, inner, fields) is { } error)
                    return error;
                // A hidden group hides its fields: carry its condition down.
                if (HideCondition(c, prefix) is { } groupHide)
                    for (var i = 0; i < fields.Count; i++)
                        if (fields[i].Path.StartsWith(inner, StringComparison.Ordinal) && fields[i].HiddenWhen is null)
                            fields[i] = fields[i] with { HiddenWhen = groupHide };
                continue;
            }
            if (!Inputs.Contains(type))
                continue;
            if (Text(c, "key") is not { Length: > 0 } key)
                return $"a {type} has no key";
            var validate = c.TryGetProperty("validate", out var v) && v.ValueKind == JsonValueKind.Object ? v : default;
            var values = c.TryGetProperty("values", out var vs) && vs.ValueKind == JsonValueKind.Array
                ? [.. vs.EnumerateArray().Select(o => o.TryGetProperty("value", out var value) ? value.Clone() : default)]
                : ImmutableArray<JsonElement>.Empty;
            fields.Add(new FormField(prefix + key, type, Flag(validate, "required"), values, Text(validate, "pattern"),
                Int(validate, "minLength"), Int(validate, "maxLength"), Number(validate, "min"), Number(validate, "max"),
                HideCondition(c, prefix)));
        }
        return null;
    }

    // Only the simplest FEEL condition, "=field", is understood: the forms we ship use it (withdraw hides the
    // self-assessment); anything else leaves the field always checked, which is the safe side.
    private static string? HideCondition(JsonElement c, string prefix) =>
        c.TryGetProperty("conditional", out var cond) && Text(cond, "hide") is { } hide && hide.StartsWith('=')
            && hide[1..].Trim() is { Length: > 0 } name && name.All(ch => char.IsLetterOrDigit(ch) || ch is '_' or '.')
            ? prefix + name
            : null;

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    private static bool Flag(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.True;

    private static int? Int(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number && p.TryGetInt32(out var i) ? i : null;

    private static decimal? Number(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number && p.TryGetDecimal(out var d) ? d : null;
}
