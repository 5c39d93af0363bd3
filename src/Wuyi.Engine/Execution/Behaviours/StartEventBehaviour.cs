using Wuyi.Engine.Model;
using Wuyi.Engine.State;

namespace Wuyi.Engine.Execution.Behaviours;

/// <summary>A start event has happened by the time a token is in it (the trigger started the scope): it completes at once.</summary>
internal sealed class StartEventBehaviour : INodeBehaviour
{
    public void Enter(InstanceExecution run, TokenState token, FlowNode node) => run.CompleteActivity(token);
}
