using Wuyi.Engine.Commands;
using Wuyi.Engine.Model;
using Wuyi.Engine.State;
using Wuyi.Expressions;

namespace Wuyi.Engine.Execution.Behaviours;

/// <summary>
/// A call activity asks the runtime to start a child instance of the called process, passing the variables
/// its <c>camunda:in</c> mappings select (none unless mapped, as in Camunda) and the business key of
/// <c>camunda:in businessKey</c>; it waits until the child ends and then copies back what <c>camunda:out</c> selects.
/// </summary>
internal sealed class CallActivityBehaviour : INodeBehaviour
{
    public void Enter(InstanceExecution run, TokenState token, FlowNode node)
    {
        var call = node.Call!;
        var called = run.EvaluateText(call.CalledElement, token.Id, out var error);
        var variables = VariableMaps.Empty.ToBuilder();
        if (error is null)
        {
            foreach (var mapping in call.In)
            {
                if (mapping.AllVariables)
                    foreach (var (k, v) in run.VisibleVariables(token.Id)) variables[k] = v;
                else if (mapping.Source is { } source)
                    variables[mapping.Target!] = run.TryLookup(token.Id, token.ScopeId, source, out var value) ? value : null;
                else
                {
                    variables[mapping.Target!] = run.EvaluateMapped(mapping.Value, token.Id, token.ScopeId, out error);
                    if (error is not null) break;
                }
            }
        }
        var businessKey = error is null ? run.EvaluateText(call.BusinessKey, token.Id, out error) : null;
        if (error is not null || string.IsNullOrWhiteSpace(called))
        {
            run.Incident(token, $"the call activity cannot start its child: {error ?? "no called element"}", IncidentRetry.Enter);
            return;
        }
        run.Update(token with { Phase = TokenPhase.Waiting });
        var wait = run.AddWait(WaitKind.Child, WaitRole.Activity, node.Id, token.Id, null,
            w => w with { ChildInstanceId = $"{run.InstanceId}.{w.Number}" });
        run.Command(new StartChild(run.WaitId(wait.Number), node.Id, called, wait.ChildInstanceId!, businessKey, variables.ToImmutable()));
        run.Emit(run.NewEvent("child-started", node) with { Child = wait.ChildInstanceId });
    }

    /// <summary>Applies <c>camunda:out</c>; false (with an incident) when a source expression fails.</summary>
    public static bool MapOutputs(InstanceExecution run, TokenState token, FlowNode node, IReadOnlyDictionary<string, object?>? childVariables)
    {
        var child = childVariables ?? VariableMaps.Empty;
        var context = new EvaluationContext((string name, out object? value) => child.TryGetValue(name, out value), run.Now);
        foreach (var mapping in node.Call!.Out)
        {
            if (mapping.AllVariables) run.SetVariables(token.Id, child);
            else if (mapping.Source is { } source) run.SetVariable(token.Id, mapping.Target!, child.GetValueOrDefault(source));
            else if (mapping.Value?.Expression is { } expression)
            {
                var result = expression.Evaluate(context);
                if (!result.Success)
                {
                    run.Incident(token, $"camunda:out '{mapping.Target}' failed: {result.Error}", IncidentRetry.Complete);
                    return false;
                }
                run.SetVariable(token.Id, mapping.Target!, result.Value);
            }
        }
        return true;
    }
}
