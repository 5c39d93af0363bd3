using Wuyi.Engine.Model;
using Wuyi.Engine.State;

namespace Wuyi.Engine.Execution.Behaviours;

/// <summary>Timer, message and signal catch events wait for their event; a link catch passes the token on.</summary>
internal sealed class IntermediateCatchEventBehaviour : INodeBehaviour
{
    public void Enter(InstanceExecution run, TokenState token, FlowNode node)
    {
        if (node.Event.Kind == EventKind.Link)
        {
            run.CompleteActivity(token);
            return;
        }
        run.Update(token with { Phase = TokenPhase.Waiting });
        EventWaits.Subscribe(run, token.Id, null, node, WaitRole.Activity);
    }
}
