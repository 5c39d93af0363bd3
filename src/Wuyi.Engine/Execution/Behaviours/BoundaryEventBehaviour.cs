using Wuyi.Engine.Model;
using Wuyi.Engine.State;

namespace Wuyi.Engine.Execution.Behaviours;

/// <summary>
/// Boundary events. Timer, message and signal boundaries start listening once their activity really waits
/// (an activity that finishes at once never needed them) and stop when it ends. Error and escalation
/// boundaries are found by the throw's propagation instead. When one fires, an interrupting boundary first
/// cancels its activity (and everything inside it); a non-interrupting one leaves it running and, for a
/// timer cycle or a message or signal, keeps listening. Either way a new token leaves through the boundary.
/// </summary>
internal static class BoundaryEventBehaviour
{
    public static void Attach(InstanceExecution run, int tokenId, FlowNode activity)
    {
        if (!run.TryGetToken(tokenId, out var token) || token.ElementId != activity.Id
            || token.Phase is not (TokenPhase.Waiting or TokenPhase.InScope)) return;
        foreach (var boundary in run.Process.BoundariesOf(activity.Id))
        {
            if (boundary.Event.Kind is EventKind.Timer or EventKind.Message or EventKind.Signal or EventKind.Conditional)
                EventWaits.Subscribe(run, tokenId, null, boundary, WaitRole.Boundary);
        }
    }

    public static void Fire(InstanceExecution run, TokenState activityToken, FlowNode boundary, IReadOnlyDictionary<string, object?>? variables)
    {
        var scopeId = activityToken.ScopeId;
        if (boundary.Interrupting) run.CancelToken(activityToken);
        var token = run.NewToken(boundary.Id, scopeId, TokenPhase.Arriving);
        run.SetVariables(token.Id, variables);
        run.EnterTriggered(token, boundary);
    }
}
