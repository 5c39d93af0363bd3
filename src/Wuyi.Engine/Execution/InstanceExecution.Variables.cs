using System.Collections.Immutable;
using Wuyi.Engine.Model;
using Wuyi.Engine.State;
using Wuyi.Expressions;

namespace Wuyi.Engine.Execution;

internal sealed partial class InstanceExecution
{
    // The places a token sees variables in, nearest first: its own locals, its scope, the scope's owning
    // token's locals, that token's scope, and so on up to the process.
    private IEnumerable<(int? TokenId, int? ScopeId)> Levels(int? tokenId, int scopeId)
    {
        if (tokenId is { } t && _tokens.ContainsKey(t)) yield return (t, null);
        int? current = scopeId;
        while (current is { } s && _scopes.TryGetValue(s, out var scope))
        {
            yield return (null, s);
            if (scope.OwnerTokenId is not { } owner || !_tokens.TryGetValue(owner, out var ownerToken)) yield break;
            yield return (owner, null);
            current = ownerToken.ScopeId;
        }
    }

    private ImmutableSortedDictionary<string, object?> VariablesAt((int? TokenId, int? ScopeId) level) =>
        level.TokenId is { } t ? _tokens[t].Locals : _scopes[level.ScopeId!.Value].Variables;

    public bool TryLookup(int? tokenId, int scopeId, string name, out object? value)
    {
        foreach (var level in Levels(tokenId, scopeId))
            if (VariablesAt(level).TryGetValue(name, out value)) return true;
        value = null;
        return false;
    }

    /// <summary>Every variable the token sees, the nearest winning where names repeat.</summary>
    public ImmutableSortedDictionary<string, object?> VisibleVariables(int tokenId)
    {
        var builder = VariableMaps.Empty.ToBuilder();
        var token = _tokens[tokenId];
        foreach (var level in Levels(tokenId, token.ScopeId).Reverse())
            foreach (var (k, v) in VariablesAt(level)) builder[k] = v;
        return builder.ToImmutable();
    }

    /// <summary>Sets a variable as Camunda does: where it already exists nearest, else on the process.</summary>
    public void SetVariable(int tokenId, string name, object? value)
    {
        value = JsonValues.Canonical(value);
        var token = _tokens[tokenId];
        var levels = Levels(tokenId, token.ScopeId).ToList();
        var target = levels.FirstOrDefault(l => VariablesAt(l).ContainsKey(name));
        var created = target == default;
        if (created) target = levels[^1];
        Changed(target.TokenId, target.ScopeId, name, created);
        if (target.TokenId is { } t) _tokens[t] = _tokens[t] with { Locals = _tokens[t].Locals.SetItem(name, value) };
        else _scopes[target.ScopeId!.Value] = _scopes[target.ScopeId!.Value] with { Variables = _scopes[target.ScopeId!.Value].Variables.SetItem(name, value) };
    }

    public void SetVariables(int tokenId, IReadOnlyDictionary<string, object?>? variables)
    {
        if (variables is null) return;
        foreach (var (k, v) in variables.OrderBy(p => p.Key, StringComparer.Ordinal)) SetVariable(tokenId, k, v);
    }

    public void SetLocal(int tokenId, string name, object? value)
    {
        Changed(tokenId, null, name, !_tokens[tokenId].Locals.ContainsKey(name));
        _tokens[tokenId] = _tokens[tokenId] with { Locals = _tokens[tokenId].Locals.SetItem(name, JsonValues.Canonical(value)) };
    }

    public EvaluationContext ContextFor(int? tokenId, int scopeId) =>
        new((string name, out object? value) => TryLookup(tokenId, scopeId, name, out value), Now);

    public ExpressionResult Evaluate(Expression expression, int tokenId) => Evaluate(expression, tokenId, _tokens[tokenId].ScopeId);

    public ExpressionResult Evaluate(Expression expression, int? tokenId, int scopeId)
    {
        var result = expression.Evaluate(ContextFor(tokenId, scopeId));
        return result.Success ? ExpressionResult.Ok(JsonValues.Canonical(result.Value)) : result;
    }

    public bool EvaluateCondition(Expression condition, int tokenId, out string? error)
    {
        var result = Evaluate(condition, tokenId);
        error = result.Error;
        if (!result.Success) return false;
        switch (result.Value)
        {
            case bool b: return b;
            case string s when bool.TryParse(s, out var parsed): return parsed;
            default:
                error = $"'{condition.Text}' gave {Describe(result.Value)}, not a boolean";
                return false;
        }
    }

    /// <summary>Evaluates to text (null stays null); a failure is reported through <paramref name="error"/>.</summary>
    public string? EvaluateText(Expression? expression, int tokenId, out string? error)
    {
        error = null;
        if (expression is null) return null;
        var result = Evaluate(expression, tokenId);
        if (!result.Success) { error = $"'{expression.Text}': {result.Error}"; return null; }
        return result.Value switch
        {
            null => null,
            string s => s,
            bool b => b ? "true" : "false",
            _ => System.Text.Json.JsonSerializer.Serialize(result.Value),
        };
    }

    public static string Describe(object? value) => value switch
    {
        null => "null",
        string s => $"the text \"{s}\"",
        _ => value.ToString() ?? "a value",
    };

    public object? EvaluateMapped(MappedValue? value, int? tokenId, int scopeId, out string? error)
    {
        error = null;
        if (value is null) return null;
        if (value.Expression is { } e)
        {
            var result = Evaluate(e, tokenId, scopeId);
            if (!result.Success) error = $"'{e.Text}': {result.Error}";
            return result.Value;
        }
        if (value.List is { } list)
        {
            var items = ImmutableArray.CreateBuilder<object?>();
            foreach (var item in list)
            {
                items.Add(EvaluateMapped(item, tokenId, scopeId, out error));
                if (error is not null) return null;
            }
            return items.ToImmutable();
        }
        var map = VariableMaps.Empty.ToBuilder();
        foreach (var (k, v) in value.Map ?? [])
        {
            map[k] = EvaluateMapped(v, tokenId, scopeId, out error);
            if (error is not null) return null;
        }
        return map.ToImmutable();
    }

    /// <summary>camunda:inputParameter: local variables of the activity, evaluated as it is entered.</summary>
    private bool ApplyInputs(TokenState token, FlowNode node)
    {
        foreach (var input in node.Inputs)
        {
            var value = EvaluateMapped(input.Value, token.Id, token.ScopeId, out var error);
            if (error is not null)
            {
                Incident(token, $"input mapping '{input.Target}' failed: {error}", IncidentRetry.Enter);
                return false;
            }
            SetLocal(token.Id, input.Target!, value);
        }
        return true;
    }

    /// <summary>camunda:outputParameter: evaluated with the activity's locals, then set outside it.</summary>
    private bool ApplyOutputs(TokenState token, FlowNode node)
    {
        if (node.Outputs.IsEmpty) return true;
        var values = new List<(string Name, object? Value)>();
        foreach (var output in node.Outputs)
        {
            var value = EvaluateMapped(output.Value, token.Id, token.ScopeId, out var error);
            if (error is not null)
            {
                Incident(token, $"output mapping '{output.Target}' failed: {error}", IncidentRetry.Complete);
                return false;
            }
            values.Add((output.Target!, value));
        }
        var outside = Update(_tokens[token.Id] with { Locals = VariableMaps.Empty });
        foreach (var (name, value) in values) SetVariable(outside.Id, name, value);
        return true;
    }
}
