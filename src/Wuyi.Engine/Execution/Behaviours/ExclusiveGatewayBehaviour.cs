using Wuyi.Engine.Model;
using Wuyi.Engine.State;

namespace Wuyi.Engine.Execution.Behaviours;

/// <summary>
/// An exclusive gateway passes every arriving token on at once, along the first outgoing flow (in document
/// order) whose condition holds, else along its default flow; with neither, the path stops with an incident.
/// </summary>
internal sealed class ExclusiveGatewayBehaviour : INodeBehaviour
{
    public void Enter(InstanceExecution run, TokenState token, FlowNode node)
    {
        var flows = run.SelectFlows(token, node, onlyFirst: true, IncidentRetry.Enter);
        if (flows is null) return;
        run.Emit("activity-completed", node);
        run.TakeFlows(run.Token(token.Id), flows);
    }
}
