using Wuyi.Engine.Model;
using Wuyi.Engine.State;

namespace Wuyi.Engine.Execution.Behaviours;

/// <summary>What a kind of flow node does when a token enters it.</summary>
internal interface INodeBehaviour
{
    void Enter(InstanceExecution run, TokenState token, FlowNode node);
}
