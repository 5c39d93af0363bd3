using Wuyi.Engine.Model;
using Wuyi.Engine.State;

namespace Wuyi.Engine.Execution.Behaviours;

/// <summary>
/// Event sub-processes. While their enclosing scope (process or sub-process) runs, the timer, message and
/// signal start events of its event sub-processes listen; error and escalation starts are found by a
/// throw's propagation. An interrupting start first cancels everything else in the scope, its other
/// subscriptions included; a non-interrupting one runs beside it and keeps listening. The event
/// sub-process is a scope of its own; when it ends, its token in the enclosing scope ends too, and the
/// enclosing scope completes if nothing else runs there.
/// </summary>
internal static class EventSubProcessBehaviour
{
    public static void Subscribe(InstanceExecution run, ScopeState scope)
    {
        if (!run.Process.Scopes.TryGetValue(scope.ElementId, out var definition)) return;
        foreach (var startId in definition.EventSubProcessStartIds)
        {
            var start = run.Node(startId);
            if (start.Event.Kind is EventKind.Timer or EventKind.Message or EventKind.Signal or EventKind.Conditional)
                EventWaits.Subscribe(run, null, scope.Id, start, WaitRole.EventSubProcessStart);
        }
    }

    public static void Start(InstanceExecution run, int scopeId, FlowNode start, IReadOnlyDictionary<string, object?>? variables)
    {
        var eventSubProcess = run.Node(start.ScopeId);
        if (start.Interrupting)
        {
            foreach (var token in run.TokensIn(scopeId)) run.CancelToken(token);
            run.CancelScopeWaits(scopeId);
        }
        var owner = run.NewToken(eventSubProcess.Id, scopeId, TokenPhase.InScope);
        run.Emit("activity-started", eventSubProcess);
        var scope = run.NewScope(eventSubProcess.Id, ScopeKind.EventSubProcess, scopeId, owner.Id);
        Subscribe(run, scope);
        var startToken = run.NewToken(start.Id, scope.Id, TokenPhase.Arriving);
        run.SetVariables(startToken.Id, variables);
        run.EnterTriggered(startToken, start);
    }
}
