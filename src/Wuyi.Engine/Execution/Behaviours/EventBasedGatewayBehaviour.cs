using Wuyi.Engine.Model;
using Wuyi.Engine.State;

namespace Wuyi.Engine.Execution.Behaviours;

/// <summary>
/// An event-based gateway waits for the first of the events that follow it. The first to happen wins: the
/// other waits are cancelled and the token moves through the winning event. Two events that share a target
/// still send one token there, because only one ever fires.
/// </summary>
internal sealed class EventBasedGatewayBehaviour : INodeBehaviour
{
    public void Enter(InstanceExecution run, TokenState token, FlowNode node)
    {
        run.Update(token with { Phase = TokenPhase.Waiting });
        foreach (var flow in run.Process.OutgoingOf(node.Id))
        {
            if (EventWaits.Subscribe(run, token.Id, null, run.Node(flow.TargetId), WaitRole.EventGateway)) continue;
            run.CancelOwnedWaits(token.Id);
            return;
        }
    }

    public static void Choose(InstanceExecution run, TokenState token, FlowNode target, IReadOnlyDictionary<string, object?>? variables)
    {
        run.CancelOwnedWaits(token.Id, WaitRole.EventGateway);
        var gateway = run.Node(token.ElementId);
        run.Emit("activity-completed", gateway);
        var flow = run.Process.OutgoingOf(gateway.Id).First(f => f.TargetId == target.Id);
        var moved = run.Update(token with { ElementId = target.Id, ArrivedVia = flow.Id, Phase = TokenPhase.Arriving });
        run.SetVariables(moved.Id, variables);
        run.EnterTriggered(moved, target);
    }
}
