using Wuyi.Engine.Commands;
using Wuyi.Engine.Model;
using Wuyi.Engine.State;

namespace Wuyi.Engine.Execution.Behaviours;

/// <summary>
/// Service, send and business-rule tasks ask the runtime to invoke their handler and wait for its answer:
/// completion with output variables, or a BPMN error. A task with <c>camunda:expression</c> is evaluated
/// in place instead, like a script task.
/// </summary>
internal sealed class ServiceTaskBehaviour : INodeBehaviour
{
    public void Enter(InstanceExecution run, TokenState token, FlowNode node)
    {
        if (node.Script is not null) ScriptTaskBehaviour.Execute(run, token, node);
        else Invoke(run, token, node);
    }

    public static void Invoke(InstanceExecution run, TokenState token, FlowNode node)
    {
        run.Update(token with { Phase = TokenPhase.Waiting });
        var wait = run.AddWait(WaitKind.Service, WaitRole.Activity, node.Id, token.Id, null);
        run.Command(new InvokeService(run.WaitId(wait.Number), node.Id, node.Handler ?? node.Id, run.VisibleVariables(token.Id)));
    }
}
