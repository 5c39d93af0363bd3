using Wuyi.Engine.Model;
using Wuyi.Engine.State;

namespace Wuyi.Engine.Execution.Behaviours;

/// <summary>
/// A parallel gateway joins one token from each incoming flow, then forks along every outgoing flow. Tokens
/// are counted per incoming flow, not in total: a loop that brings two tokens along the same flow does not
/// fire the join; the extra token waits for the next round.
/// </summary>
internal sealed class ParallelGatewayBehaviour : INodeBehaviour
{
    public void Enter(InstanceExecution run, TokenState token, FlowNode node)
    {
        var incoming = run.Process.IncomingOf(node.Id);
        var outgoing = run.Process.OutgoingOf(node.Id);
        if (incoming.Length <= 1)
        {
            run.Emit("activity-completed", node);
            run.TakeFlows(token, outgoing);
            return;
        }
        run.Update(token with { Phase = TokenPhase.Joining });
        var joining = run.TokensIn(token.ScopeId).Where(t => t.ElementId == node.Id && t.Phase == TokenPhase.Joining).ToList();
        var chosen = new List<TokenState>();
        foreach (var flow in incoming)
        {
            var arrived = joining.FirstOrDefault(t => t.ArrivedVia == flow.Id);
            if (arrived is null) return;
            chosen.Add(arrived);
        }
        chosen.Sort((a, b) => a.Id.CompareTo(b.Id));
        foreach (var merged in chosen)
        {
            run.Emit("activity-completed", node);
            if (merged.Id != chosen[0].Id) run.RemoveToken(merged);
        }
        run.TakeFlows(run.Token(chosen[0].Id), outgoing);
    }
}
