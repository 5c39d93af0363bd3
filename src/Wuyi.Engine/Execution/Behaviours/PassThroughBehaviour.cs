using Wuyi.Engine.Model;
using Wuyi.Engine.State;

namespace Wuyi.Engine.Execution.Behaviours;

/// <summary>Task, manual task and none events: nothing to wait for, the token moves straight on.</summary>
internal sealed class PassThroughBehaviour : INodeBehaviour
{
    public void Enter(InstanceExecution run, TokenState token, FlowNode node) => run.CompleteActivity(token);
}
