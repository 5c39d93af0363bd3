using System.Collections.Immutable;
using Wuyi.Engine.Commands;
using Wuyi.Engine.Execution.Behaviours;
using Wuyi.Engine.Model;
using Wuyi.Engine.State;

namespace Wuyi.Engine.Execution;

internal sealed partial class InstanceExecution
{
    public ScopeState Scope(int id) => _scopes[id];

    public bool TryGetScope(int id, out ScopeState scope) => _scopes.TryGetValue(id, out scope!);

    public ScopeState RootScope => _scopes.Values.First(s => s.ParentId is null);

    public ScopeState UpdateScope(ScopeState scope) => _scopes[scope.Id] = scope;

    public void RemoveScope(int id) => _scopes.Remove(id);

    public ScopeState NewScope(string elementId, ScopeKind kind, int? parentId, int? ownerTokenId,
        ImmutableSortedDictionary<string, object?>? variables = null)
    {
        var scope = new ScopeState(_nextScope++, elementId, kind, parentId, ownerTokenId, variables ?? VariableMaps.Empty);
        _scopes[scope.Id] = scope;
        return scope;
    }

    public void CheckScopeCompletion(int scopeId)
    {
        if (_ended || !_scopes.TryGetValue(scopeId, out var scope) || scope.Kind == ScopeKind.MultiInstance) return;
        if (AnyTokenIn(scopeId)) return;
        CompleteScope(scope);
    }

    private void CompleteScope(ScopeState scope)
    {
        CancelScopeWaits(scope.Id);
        if (scope.OwnerTokenId is not { } ownerId)
        {
            EndInstance(InstanceStatus.Completed, ChildOutcome.Completed, null, null);
            return;
        }
        _scopes.Remove(scope.Id);
        var owner = _tokens[ownerId];
        if (scope.Kind == ScopeKind.EventSubProcess)
        {
            Emit("activity-completed", Node(owner.ElementId));
            Consume(owner);
        }
        else CompleteActivity(owner);
    }

    private void CancelScope(ScopeState scope)
    {
        foreach (var token in TokensIn(scope.Id)) CancelToken(token);
        CancelScopeWaits(scope.Id);
        _scopes.Remove(scope.Id);
    }

    /// <summary>A terminate end event: every other path of its scope ends; the scope itself then ends.</summary>
    public void TerminateScope(TokenState token)
    {
        _tokens.Remove(token.Id);
        var scope = _scopes[token.ScopeId];
        foreach (var other in TokensIn(scope.Id)) CancelToken(other);
        if (scope.ParentId is null)
        {
            CancelScopeWaits(scope.Id);
            foreach (var w in _waits.Values.ToList()) CancelWait(w);
            EndInstance(InstanceStatus.Terminated, ChildOutcome.Completed, null, null);
        }
        else CompleteScope(scope);
    }

    /// <summary>Cancels the whole instance from outside.</summary>
    private void CancelInstance(string? reason)
    {
        foreach (var token in TokensIn(RootScope.Id)) CancelToken(token);
        foreach (var w in _waits.Values.ToList()) CancelWait(w);
        _incidents.Clear();
        EndInstance(InstanceStatus.Terminated, ChildOutcome.Terminated, null, reason);
    }

    /// <summary>A BPMN error no one catches ends a called child; its parent's call activity throws it in turn.</summary>
    public void FailToParent(string errorCode, string? message)
    {
        foreach (var token in TokensIn(RootScope.Id)) CancelToken(token);
        foreach (var w in _waits.Values.ToList()) CancelWait(w);
        EndInstance(InstanceStatus.Terminated, ChildOutcome.Failed, errorCode, message ?? $"uncaught BPMN error '{errorCode}'");
    }

    public bool HasParent => _parent is not null;

    private void EndInstance(InstanceStatus status, ChildOutcome outcome, string? errorCode, string? message)
    {
        var variables = _scopes.Values.FirstOrDefault(s => s.ParentId is null)?.Variables ?? VariableMaps.Empty;
        _scopes.Clear();
        _tokens.Clear();
        _agenda.Clear();
        _ended = true;
        _status = status;
        var type = status == InstanceStatus.Completed ? "instance-completed" : "instance-terminated";
        Emit(NewEvent(type) with { Message = message, ErrorCode = errorCode });
        if (_parent is { } parent)
            Command(new ReportToParent(parent.InstanceId, parent.WaitId, outcome, variables, errorCode, message));
        // Keep the final variables: the result of a completed instance is read from its state.
        _scopes[0] = new ScopeState(0, Process.Id, ScopeKind.Process, null, null, variables);
    }
}
