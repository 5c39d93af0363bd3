using Wuyi.Engine.Commands;
using Wuyi.Engine.Model;
using Wuyi.Engine.State;

namespace Wuyi.Engine.Execution.Behaviours;

/// <summary>Sends a message from a throwing event that names no handler: the runtime correlates it.</summary>
internal static class MessageThrow
{
    public static void Send(InstanceExecution run, TokenState token, FlowNode node)
    {
        var key = node.CorrelationKey is null ? run.BusinessKey : run.EvaluateText(node.CorrelationKey, token.Id, out _) ?? run.BusinessKey;
        run.Command(new ThrowMessage(node.Id, node.Event.Name!, key, run.VisibleVariables(token.Id)));
    }
}
