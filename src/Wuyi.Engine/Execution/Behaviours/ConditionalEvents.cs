using Wuyi.Engine.Commands;
using Wuyi.Engine.Model;
using Wuyi.Engine.State;

namespace Wuyi.Engine.Execution.Behaviours;

/// <summary>
/// Conditional events (intermediate catch, boundary, event sub-process start). Their condition is evaluated when
/// they start waiting and, after that, whenever a step has changed a variable they can see — narrowed by
/// <c>camunda:variableName</c> and <c>camunda:variableEvents</c> as in Camunda 7 — once every path of the step has
/// run. A condition that holds triggers the event as a message would: an interrupting one once, a non-interrupting
/// one again at each later change for which it holds. A condition that fails to evaluate is an incident.
/// </summary>
internal static class ConditionalEvents
{
    /// <summary>Evaluates what the step made relevant; returns whether any event was triggered (the step then runs on).</summary>
    public static bool Evaluate(InstanceExecution run)
    {
        if (!run.Process.HasConditionalEvents) return false;
        var (fresh, changes) = run.TakeConditionInputs();
        if (fresh.Count == 0 && changes.Count == 0) return false;
        var triggered = false;
        foreach (var wait in run.Waits.Where(w => w.Kind == WaitKind.Conditional).ToList())
        {
            // An earlier trigger in this round may have ended this wait (an interrupting event cancels its scope).
            if (run.HasEnded || !run.HasWait(wait.Number)) continue;
            var node = run.Node(wait.ElementId);
            var spec = node.Event.Condition!;
            if (!fresh.Contains(wait.Number) && !changes.Any(c => Matches(spec, c) && run.Sees(wait, c))) continue;
            if (!Holds(run, wait, node, spec)) continue;
            run.TriggerCondition(wait);
            triggered = true;
        }
        return triggered;
    }

    private static bool Matches(ConditionSpec spec, InstanceExecution.VariableChange change) =>
        (spec.VariableName is null || spec.VariableName == change.Name)
        && (spec.VariableEvents.IsEmpty || spec.VariableEvents.Contains(change.Created ? "create" : "update"));

    private static bool Holds(InstanceExecution run, WaitState wait, FlowNode node, ConditionSpec spec)
    {
        var scopeId = wait.ScopeId ?? run.Token(wait.TokenId!.Value).ScopeId;
        var result = run.Evaluate(spec.Condition, wait.TokenId, scopeId);
        string? error = result.Error;
        if (result.Success)
        {
            switch (result.Value)
            {
                case bool b: return b;
                case string s when bool.TryParse(s, out var parsed): return parsed;
                default:
                    error = $"'{spec.Condition.Text}' gave {InstanceExecution.Describe(result.Value)}, not a boolean";
                    break;
            }
        }
        var message = $"the condition of '{node.Id}' failed: {error}";
        if (wait.Role == WaitRole.Activity && run.TryGetToken(wait.TokenId!.Value, out var token))
        {
            // The catch event is entered again on retry, and waits anew.
            run.CancelWait(wait);
            run.Incident(token, message, IncidentRetry.Enter);
        }
        else
        {
            // A boundary or event sub-process start has no path of its own to hold: reported, it keeps waiting.
            run.Command(new RaiseIncident(node.Id, message));
            run.Emit(run.NewEvent("incident", node) with { Message = message });
        }
        return false;
    }
}
