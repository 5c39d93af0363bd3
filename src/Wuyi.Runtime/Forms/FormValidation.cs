using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Wuyi.Runtime.Store;

namespace Wuyi.Runtime.Forms;

/// <summary>
/// Checks a submission against its form the way the server must, whatever the browser did: required fields, types,
/// allowed values, patterns and lengths, and no variable the form does not have (a task completion must not be a way
/// to set any process variable, such as <c>status</c>). Every problem is collected, keyed by the field's dotted path.
/// </summary>
public static class FormValidation
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>The problems of <paramref name="variables"/> against <paramref name="schema"/>: field path → messages;
    /// empty when the submission is valid.</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(FormSchema schema, IReadOnlyDictionary<string, object?> variables)
    {
        using var document = JsonDocument.Parse(JsonVariables.ToJson(variables));
        var root = document.RootElement;
        var errors = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string path, string message)
        {
            if (!errors.TryGetValue(path, out var list))
                errors[path] = list = [];
            list.Add(message);
        }

        foreach (var field in schema.Fields)
        {
            if (field.HiddenWhen is { } condition && Truthy(At(root, condition)))
                continue;
            var value = At(root, field.Path);
            if (IsEmpty(value))
            {
                if (field.Required)
                    Add(field.Path, $"{field.Path} is required{Choices(field)}.");
                continue;
            }
            if (Check(field, value!.Value) is { } problem)
                Add(field.Path, problem);
        }
        var groups = schema.Fields.SelectMany(f => Prefixes(f.Path)).ToHashSet(StringComparer.Ordinal);
        var paths = schema.Fields.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        Unknown(root, "", groups, paths, schema.Id, Add);
        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
    }

    private static string? Check(FormField field, JsonElement value)
    {
        var path = field.Path;
        switch (field.Type)
        {
            case "textfield" or "textarea":
                if (value.ValueKind != JsonValueKind.String)
                    return $"{path} must be text, not {Kind(value)}.";
                var text = value.GetString()!;
                if (field.MinLength is { } min && text.Length < min)
                    return $"{path} must be at least {min} characters long.";
                if (field.MaxLength is { } max && text.Length > max)
                    return $"{path} must be at most {max} characters long.";
                if (field.Pattern is { } pattern && !Matches(text, pattern))
                    return $"{path} must match the pattern {pattern}.";
                return null;
            case "number":
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number))
                    return $"{path} must be a number, not {Kind(value)}.";
                if (field.Min is { } low && number < low)
                    return $"{path} must be at least {low.ToString(CultureInfo.InvariantCulture)}.";
                if (field.Max is { } high && number > high)
                    return $"{path} must be at most {high.ToString(CultureInfo.InvariantCulture)}.";
                return null;
            case "checkbox":
                return value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : $"{path} must be true or false, not {Kind(value)}.";
            case "radio" or "select":
                return Allowed(field, value) ? null : $"{path} must be one of {Listed(field)}; not {value.GetRawText()}.";
            case "checklist" or "taglist":
                if (value.ValueKind != JsonValueKind.Array)
                    return $"{path} must be a list, not {Kind(value)}.";
                return value.EnumerateArray().FirstOrDefault(v => !Allowed(field, v)) is { ValueKind: not JsonValueKind.Undefined } bad
                    ? $"{path} may hold only {Listed(field)}; not {bad.GetRawText()}."
                    : null;
            case "datetime":
                return value.ValueKind == JsonValueKind.String && IsDateOrTime(value.GetString()!)
                    ? null
                    : $"{path} must be an ISO 8601 date, time or date-time.";
            default:
                return null;
        }
    }

    private static void Unknown(JsonElement node, string prefix, HashSet<string> groups, HashSet<string> paths, string form,
        Action<string, string> add)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            if (prefix.Length > 0)
                add(prefix.TrimEnd('.'), $"{prefix.TrimEnd('.')} must be an object of the form's fields, not {Kind(node)}.");
            return;
        }
        foreach (var property in node.EnumerateObject())
        {
            var path = prefix + property.Name;
            if (paths.Contains(path))
                continue;
            if (groups.Contains(path))
                Unknown(property.Value, path + ".", groups, paths, form, add);
            else
                add(path, $"{path} is not a field of the form {form}.");
        }
    }

    private static IEnumerable<string> Prefixes(string path)
    {
        for (var i = path.IndexOf('.'); i >= 0; i = path.IndexOf('.', i + 1))
            yield return path[..i];
    }

    private static JsonElement? At(JsonElement root, string path)
    {
        var node = root;
        foreach (var part in path.Split('.'))
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(part, out node))
                return null;
        return node;
    }

    private static bool IsEmpty(JsonElement? value) => value is not { } v || v.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined
        || (v.ValueKind == JsonValueKind.String && v.GetString()!.Length == 0) || (v.ValueKind == JsonValueKind.Array && v.GetArrayLength() == 0);

    private static bool Truthy(JsonElement? value) => value is { } v && v.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.String => v.GetString()!.Length > 0,
        JsonValueKind.Number => v.GetDecimal() != 0,
        JsonValueKind.Object or JsonValueKind.Array => true,
        _ => false,
    };

    private static bool Allowed(FormField field, JsonElement value) =>
        field.Values.IsEmpty ? value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array)
            : field.Values.Any(allowed => JsonElement.DeepEquals(allowed, value));

    private static string Listed(FormField field) => string.Join(", ", field.Values.Select(v => v.GetRawText()));

    private static string Choices(FormField field) => field.Values.IsEmpty ? "" : $": one of {Listed(field)}";

    private static bool Matches(string text, string pattern)
    {
        try
        {
            return Regex.IsMatch(text, pattern, RegexOptions.None, PatternTimeout);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
        catch (ArgumentException)
        {
            return false; // an invalid pattern in a deployed form: refuse rather than let anything through
        }
    }

    private static bool IsDateOrTime(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
        || DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
        || TimeOnly.TryParse(text, CultureInfo.InvariantCulture, out _);

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "text",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        _ => "null",
    };
}
