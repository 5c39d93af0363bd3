using Wuyi.Engine.Model;
using Wuyi.Engine.State;

namespace Wuyi.Engine.Execution.Behaviours;

/// <summary>A receive task waits for its message, or, without one, for an explicit completion.</summary>
internal sealed class ReceiveTaskBehaviour : INodeBehaviour
{
    public void Enter(InstanceExecution run, TokenState token, FlowNode node)
    {
        run.Update(token with { Phase = TokenPhase.Waiting });
        if (node.Event.Kind == EventKind.Message) EventWaits.Subscribe(run, token.Id, null, node, WaitRole.Activity);
        else run.AddWait(WaitKind.Receive, WaitRole.Activity, node.Id, token.Id, null);
    }
}
