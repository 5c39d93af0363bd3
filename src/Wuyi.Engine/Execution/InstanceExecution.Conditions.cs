using Wuyi.Engine.State;

namespace Wuyi.Engine.Execution;

internal sealed partial class InstanceExecution
{
    // What conditional events must look at once the agenda is empty: waits opened in this step (evaluated once
    // when they start waiting) and the variables changed since the last look. Tracked only when the process has
    // conditional events, so other models pay nothing.
    private readonly List<VariableChange> _changes = [];
    private readonly SortedSet<int> _freshConditions = [];

    /// <summary>A variable set in the step: where (a token's locals or a scope), its name, and whether it was new there.</summary>
    public readonly record struct VariableChange(int? TokenId, int? ScopeId, string Name, bool Created);

    private void Changed(int? tokenId, int? scopeId, string name, bool created)
    {
        if (Process.HasConditionalEvents) _changes.Add(new VariableChange(tokenId, scopeId, name, created));
    }

    /// <summary>A conditional wait just opened: its condition is evaluated once the agenda is empty.</summary>
    public void ConditionOpened(WaitState wait) => _freshConditions.Add(wait.Number);

    /// <summary>Hands over (and forgets) the conditional waits opened and the variable changes made since the last call.</summary>
    public (IReadOnlySet<int> Fresh, IReadOnlyList<VariableChange> Changes) TakeConditionInputs()
    {
        if (_freshConditions.Count == 0 && _changes.Count == 0) return (_freshConditions, _changes);
        var taken = (new SortedSet<int>(_freshConditions), _changes.ToList());
        _freshConditions.Clear();
        _changes.Clear();
        return taken;
    }

    /// <summary>Whether a change happened where <paramref name="wait"/> reads variables (its token, its scope, or above).</summary>
    public bool Sees(WaitState wait, VariableChange change)
    {
        var scopeId = wait.ScopeId ?? (wait.TokenId is { } t && _tokens.TryGetValue(t, out var token) ? token.ScopeId : (int?)null);
        if (scopeId is null) return false;
        foreach (var level in Levels(wait.TokenId, scopeId.Value))
            if (level.TokenId == change.TokenId && level.ScopeId == change.ScopeId) return true;
        return false;
    }

    public bool HasWait(int number) => _waits.ContainsKey(number);

    /// <summary>A conditional wait's condition holds: its event happens (a non-interrupting one keeps waiting).</summary>
    public void TriggerCondition(WaitState wait) => TriggerWait(wait, null, Repeats(wait));
}
