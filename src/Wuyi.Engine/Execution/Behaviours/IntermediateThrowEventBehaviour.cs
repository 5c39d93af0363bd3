using Wuyi.Engine.Model;
using Wuyi.Engine.State;

namespace Wuyi.Engine.Execution.Behaviours;

/// <summary>
/// Throw events: a none event passes; a message is sent (or its handler invoked); a signal is broadcast;
/// a link jumps to its catch event; an escalation is thrown outwards, and the path goes on unless a catch
/// interrupted it.
/// </summary>
internal sealed class IntermediateThrowEventBehaviour : INodeBehaviour
{
    public void Enter(InstanceExecution run, TokenState token, FlowNode node)
    {
        switch (node.Event.Kind)
        {
            case EventKind.Message when node.Handler is not null:
                ServiceTaskBehaviour.Invoke(run, token, node);
                return;
            case EventKind.Message:
                MessageThrow.Send(run, token, node);
                break;
            case EventKind.Signal:
                run.ThrowSignal(token, node);
                if (run.HasEnded || !run.TryGetToken(token.Id, out var caught) || caught.ElementId != node.Id) return;
                token = caught;
                break;
            case EventKind.Escalation:
                run.PropagateEscalation(null, token.ScopeId, node.Event.Name);
                if (run.HasEnded || !run.TryGetToken(token.Id, out var still) || still.ElementId != node.Id) return;
                token = still;
                break;
        }
        run.CompleteActivity(token);
    }
}
