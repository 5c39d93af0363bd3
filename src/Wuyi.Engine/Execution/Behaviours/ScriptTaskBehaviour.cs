using Wuyi.Engine.Model;
using Wuyi.Engine.State;

namespace Wuyi.Engine.Execution.Behaviours;

/// <summary>
/// A script task evaluates its script in the sandboxed expression language and stores the result in
/// <c>camunda:resultVariable</c>, if named. A failed evaluation is an incident.
/// </summary>
internal sealed class ScriptTaskBehaviour : INodeBehaviour
{
    public void Enter(InstanceExecution run, TokenState token, FlowNode node) => Execute(run, token, node);

    public static void Execute(InstanceExecution run, TokenState token, FlowNode node)
    {
        var script = node.Script;
        if (script is not null)
        {
            var result = run.Evaluate(script.Body, token.Id);
            if (!result.Success)
            {
                run.Incident(token, $"the script failed: {result.Error}", IncidentRetry.Enter);
                return;
            }
            if (script.ResultVariable is { Length: > 0 } name) run.SetVariable(token.Id, name, result.Value);
        }
        run.CompleteActivity(run.Token(token.Id));
    }
}
