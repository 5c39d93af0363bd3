using System.Collections.Immutable;
using System.Text.Json;
using Wuyi.Engine.State;
using Wuyi.Engine.Timers;
using Wuyi.Expressions;

namespace Wuyi.Engine.Simulation;

/// <summary>Reads a scenario's JSON, reporting every problem with its JSON path.</summary>
internal sealed class ScenarioReader
{
    private static readonly HashSet<string> States = ["running", "waiting", "completed", "terminated", "failed"];
    private readonly List<string> _errors = [];

    /// <summary>Reads what it can; with errors, the partial scenario still lets the model checks name more problems.</summary>
    public static Scenario? Read(string json, out IReadOnlyList<string> errors)
    {
        var reader = new ScenarioReader();
        errors = reader._errors;
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            reader._errors.Add($"$: not valid JSON: {ex.Message}");
            return null;
        }
        using (doc)
        {
            return reader.ReadScenario(doc.RootElement);
        }
    }

    private Scenario? ReadScenario(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) { _errors.Add("$: a scenario is a JSON object"); return null; }
        Known(root, "$", "start", "businessKey", "variables", "services", "steps");
        var start = Scenario.DefaultStart;
        if (root.TryGetProperty("start", out var s))
        {
            if (s.ValueKind != JsonValueKind.String || !IsoInstant.TryParse(s.GetString(), TimeSpan.FromHours(8), out start))
                _errors.Add("$.start: not an ISO 8601 date-time");
        }
        var businessKey = OptionalString(root, "businessKey", "$");
        var variables = Variables(root, "variables", "$");
        var services = ImmutableDictionary.CreateBuilder<string, ServiceScript>(StringComparer.Ordinal);
        if (root.TryGetProperty("services", out var svc))
        {
            if (svc.ValueKind != JsonValueKind.Object) _errors.Add("$.services: must be an object");
            else foreach (var p in svc.EnumerateObject()) if (Service(p.Value, $"$.services.{p.Name}") is { } script) services[p.Name] = script;
        }
        var steps = ImmutableArray.CreateBuilder<ScenarioStep>();
        if (root.TryGetProperty("steps", out var st))
        {
            if (st.ValueKind != JsonValueKind.Array) _errors.Add("$.steps: must be an array");
            else
            {
                var i = 0;
                foreach (var e in st.EnumerateArray())
                    if (Step(e, $"$.steps[{i++}]") is { } step) steps.Add(step);
            }
        }
        return new Scenario(start, businessKey, variables, services.ToImmutable(), steps.ToImmutable());
    }

    private ServiceScript? Service(JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.Object) { _errors.Add($"{path}: must be an object"); return null; }
        Known(e, path, "variables", "error", "wait");
        var kinds = new[] { "variables", "error", "wait" }.Count(k => e.TryGetProperty(k, out _));
        if (kinds != 1) { _errors.Add($"{path}: give exactly one of \"variables\", \"error\" and \"wait\""); return null; }
        var wait = e.TryGetProperty("wait", out var w) && w.ValueKind == JsonValueKind.True;
        if (e.TryGetProperty("wait", out w) && w.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            _errors.Add($"{path}.wait: must be true or false");
        return new ServiceScript(e.TryGetProperty("variables", out _) ? Variables(e, "variables", path) : null,
            OptionalString(e, "error", path), wait);
    }

    private ScenarioStep? Step(JsonElement e, string path)
    {
        if (e.ValueKind != JsonValueKind.Object) { _errors.Add($"{path}: a step is an object"); return null; }
        var kinds = new[] { "complete", "advance", "message", "signal", "fail", "expect" }.Where(k => e.TryGetProperty(k, out _)).ToList();
        if (kinds.Count != 1)
        {
            _errors.Add($"{path}: a step has exactly one of complete, advance, message, signal, fail and expect");
            return null;
        }
        switch (kinds[0])
        {
            case "complete":
                Known(e, path, "complete", "variables", "businessKey", "instance", "assignee");
                return new CompleteStep(path, RequiredString(e, "complete", path) ?? "", Variables(e, "variables", path),
                    OptionalString(e, "businessKey", path), OptionalString(e, "instance", path), OptionalString(e, "assignee", path));
            case "advance":
                Known(e, path, "advance");
                var text = RequiredString(e, "advance", path);
                if (text is null) return null;
                if (!IsoDuration.TryParse(text, out var duration) || duration.IsNegative)
                {
                    _errors.Add($"{path}.advance: '{text}' is not an ISO 8601 duration" + (duration.IsNegative ? " forward in time" : ""));
                    return null;
                }
                return new AdvanceStep(path, duration, text);
            case "message":
                Known(e, path, "message", "correlationKey", "variables");
                return new MessageStep(path, RequiredString(e, "message", path) ?? "", OptionalString(e, "correlationKey", path), Variables(e, "variables", path));
            case "signal":
                Known(e, path, "signal", "variables");
                return new SignalStep(path, RequiredString(e, "signal", path) ?? "", Variables(e, "variables", path));
            case "fail":
                Known(e, path, "fail", "error", "message", "businessKey", "instance");
                return new FailStep(path, RequiredString(e, "fail", path) ?? "", RequiredString(e, "error", path) ?? "",
                    OptionalString(e, "message", path), OptionalString(e, "businessKey", path), OptionalString(e, "instance", path));
            default:
                return Expect(e, path);
        }
    }

    private ExpectStep? Expect(JsonElement step, string path)
    {
        Known(step, path, "expect");
        var e = step.GetProperty("expect");
        path += ".expect";
        if (e.ValueKind != JsonValueKind.Object) { _errors.Add($"{path}: must be an object"); return null; }
        Known(e, path, "state", "active", "variables", "businessKey", "instance");
        var state = OptionalString(e, "state", path);
        if (state is not null && !States.Contains(state)) _errors.Add($"{path}.state: '{state}' is not one of {string.Join(", ", States)}");
        ImmutableArray<string>? active = null;
        if (e.TryGetProperty("active", out var a))
        {
            if (a.ValueKind != JsonValueKind.Array || a.EnumerateArray().Any(x => x.ValueKind != JsonValueKind.String))
                _errors.Add($"{path}.active: must be an array of element ids");
            else active = [.. a.EnumerateArray().Select(x => x.GetString()!)];
        }
        ImmutableSortedDictionary<string, object?>? variables = e.TryGetProperty("variables", out _) ? Variables(e, "variables", path) : null;
        return new ExpectStep(path, state, active, variables, OptionalString(e, "businessKey", path), OptionalString(e, "instance", path));
    }

    private void Known(JsonElement e, string path, params string[] names)
    {
        foreach (var p in e.EnumerateObject())
            if (!names.Contains(p.Name)) _errors.Add($"{path}.{p.Name}: unknown field (expected one of {string.Join(", ", names)})");
    }

    private ImmutableSortedDictionary<string, object?> Variables(JsonElement e, string name, string path)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return VariableMaps.Empty;
        if (v.ValueKind != JsonValueKind.Object) { _errors.Add($"{path}.{name}: must be an object"); return VariableMaps.Empty; }
        return JsonValues.ObjectFromElement(v);
    }

    private string? OptionalString(JsonElement e, string name, string path)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
        if (v.ValueKind == JsonValueKind.String) return v.GetString();
        _errors.Add($"{path}.{name}: must be a string");
        return null;
    }

    private string? RequiredString(JsonElement e, string name, string path)
    {
        var value = OptionalString(e, name, path);
        if (value is null && !_errors.Any(x => x.StartsWith($"{path}.{name}:", StringComparison.Ordinal)))
            _errors.Add($"{path}.{name}: required");
        return value;
    }
}
