using Wuyi.Engine.Model;
using Wuyi.Engine.State;

namespace Wuyi.Engine.Execution.Behaviours;

/// <summary>
/// End events end their path. A terminate end ends every path of its scope; an error end throws its error
/// (uncaught, it behaves as a none end, as in Camunda 7, except in a called child, whose call activity
/// then throws it); message and signal ends send before they end (a signal is caught at once by this instance's own catchers).
/// </summary>
internal sealed class EndEventBehaviour : INodeBehaviour
{
    public void Enter(InstanceExecution run, TokenState token, FlowNode node)
    {
        switch (node.Event.Kind)
        {
            case EventKind.Terminate:
                run.Emit("activity-completed", node);
                run.TerminateScope(token);
                return;
            case EventKind.Error:
                run.Emit("activity-completed", node);
                run.RemoveToken(token);
                var code = node.Event.Name ?? node.Id;
                if (run.PropagateError(null, token.ScopeId, code)) return;
                if (run.HasParent) run.FailToParent(code, null);
                else run.CheckScopeCompletion(token.ScopeId);
                return;
            case EventKind.Escalation:
                run.Emit("activity-completed", node);
                run.RemoveToken(token);
                run.PropagateEscalation(null, token.ScopeId, node.Event.Name);
                if (!run.HasEnded) run.CheckScopeCompletion(token.ScopeId);
                return;
            case EventKind.Message when node.Handler is not null:
                ServiceTaskBehaviour.Invoke(run, token, node);
                return;
            case EventKind.Message:
                MessageThrow.Send(run, token, node);
                break;
            case EventKind.Signal:
                // The throw happens before the path ends, while the scope (and the catchers it holds) still runs.
                run.ThrowSignal(token, node);
                if (run.HasEnded || !run.TryGetToken(token.Id, out var still) || still.ElementId != node.Id) return;
                token = still;
                break;
        }
        run.CompleteActivity(token);
    }
}
