using Wuyi.Engine.Commands;
using Wuyi.Engine.Model;
using Wuyi.Engine.State;

namespace Wuyi.Engine.Execution;

internal sealed partial class InstanceExecution
{
    /// <summary>
    /// Throws a BPMN error: the failing activity's own error boundary events first, then, scope by scope
    /// outwards, an error event sub-process of the scope and the error boundary events of the sub-process
    /// that is the scope. An exact error code wins over a catch-all. Returns false when nothing catches it.
    /// </summary>
    public bool PropagateError(int? activityTokenId, int scopeId, string code, string? message = null)
    {
        if (activityTokenId is { } a && _tokens.TryGetValue(a, out var activity) && !IsInnerInstance(activity)
            && MatchBoundary(activity.ElementId, EventKind.Error, code) is { } own)
        {
            Behaviours.BoundaryEventBehaviour.Fire(this, activity, own, Caught(own, code, message));
            return true;
        }
        return PropagateOutwards(scopeId, EventKind.Error, code, message);
    }

    // camunda:errorCodeVariable and camunda:errorMessageVariable on the catching event receive the error.
    private static Dictionary<string, object?>? Caught(FlowNode catcher, string? code, string? message)
    {
        if (catcher.Event.CodeVariable is null && catcher.Event.MessageVariable is null) return null;
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (catcher.Event.CodeVariable is { Length: > 0 } codeVariable) variables[codeVariable] = code;
        if (catcher.Event.MessageVariable is { Length: > 0 } messageVariable) variables[messageVariable] = message;
        return variables;
    }

    /// <summary>
    /// Throws an escalation: the escalation boundary events of <paramref name="activityTokenId"/>'s activity (a call
    /// activity whose child escalated), then outwards from <paramref name="scopeId"/> as an error goes. In a called
    /// child, one nothing catches goes on to the parent's call activity (Camunda 7); otherwise, uncaught, it changes
    /// nothing. Returns whether this instance caught it.
    /// </summary>
    public bool PropagateEscalation(int? activityTokenId, int scopeId, string? code)
    {
        if (activityTokenId is { } a && _tokens.TryGetValue(a, out var activity) && !IsInnerInstance(activity)
            && MatchBoundary(activity.ElementId, EventKind.Escalation, code) is { } own)
        {
            Behaviours.BoundaryEventBehaviour.Fire(this, activity, own, Caught(own, code, null));
            return true;
        }
        if (PropagateOutwards(scopeId, EventKind.Escalation, code, null)) return true;
        if (_parent is { } parent)
            Command(new ReportToParent(parent.InstanceId, parent.WaitId, ChildOutcome.Escalated, VariableMaps.Empty, code, null));
        return false;
    }

    private bool PropagateOutwards(int scopeId, EventKind kind, string? code, string? message)
    {
        int? current = scopeId;
        var leavingHandler = false;
        while (current is { } id && _scopes.TryGetValue(id, out var scope))
        {
            // A throw from inside an event sub-process is not offered to the event sub-processes of the scope that
            // holds it: a handler re-throwing what it caught would otherwise catch itself for ever (BPMN 10.5.6).
            if (!leavingHandler && scope.Kind != ScopeKind.MultiInstance && MatchEventSubProcess(scope.ElementId, kind, code) is { } start)
            {
                Behaviours.EventSubProcessBehaviour.Start(this, scope.Id, start, Caught(start, code, message));
                return true;
            }
            if (scope.OwnerTokenId is not { } ownerId || !_tokens.TryGetValue(ownerId, out var owner)) return false;
            // A sub-process that is itself an inner instance has no boundary events of its own: the body has them.
            if (scope.Kind is ScopeKind.SubProcess or ScopeKind.MultiInstance && !IsInnerInstance(owner)
                && MatchBoundary(owner.ElementId, kind, code) is { } boundary)
            {
                Behaviours.BoundaryEventBehaviour.Fire(this, owner, boundary, Caught(boundary, code, message));
                return true;
            }
            leavingHandler = scope.Kind == ScopeKind.EventSubProcess;
            current = owner.ScopeId;
        }
        return false;
    }

    private FlowNode? MatchBoundary(string activityId, EventKind kind, string? code)
    {
        var candidates = Process.BoundariesOf(activityId).Where(b => b.Event.Kind == kind).ToList();
        return candidates.FirstOrDefault(b => b.Event.Name is not null && b.Event.Name == code)
            ?? candidates.FirstOrDefault(b => b.Event.Name is null);
    }

    private FlowNode? MatchEventSubProcess(string scopeElementId, EventKind kind, string? code)
    {
        if (!Process.Scopes.TryGetValue(scopeElementId, out var definition)) return null;
        var candidates = definition.EventSubProcessStartIds.Select(Node).Where(n => n.Event.Kind == kind).ToList();
        return candidates.FirstOrDefault(n => n.Event.Name is not null && n.Event.Name == code)
            ?? candidates.FirstOrDefault(n => n.Event.Name is null);
    }
}
