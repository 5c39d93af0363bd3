using Wuyi.Engine.Model;
using Wuyi.Engine.State;

namespace Wuyi.Engine.Execution.Behaviours;

/// <summary>
/// An inclusive gateway forks along every outgoing flow whose condition holds (else its default flow). As
/// a join it waits while any other token of its scope could still reach it — one sitting at, or arriving
/// at, a node upstream of it — and then merges all the tokens that did arrive. The engine re-checks waiting
/// joins whenever a step has run everything else, so a path that ends elsewhere releases the join.
/// </summary>
internal sealed class InclusiveGatewayBehaviour : INodeBehaviour
{
    public void Enter(InstanceExecution run, TokenState token, FlowNode node)
    {
        if (run.Process.IncomingOf(node.Id).Length <= 1)
        {
            Fire(run, node, [token]);
            return;
        }
        run.Update(token with { Phase = TokenPhase.Joining });
        TryFire(run, node, token.ScopeId);
    }

    /// <summary>Fires the first waiting inclusive join that no token can reach any more.</summary>
    public static bool TryFireWaitingJoin(InstanceExecution run)
    {
        if (run.Process.InclusiveJoinFeeders.Count == 0) return false;
        var waiting = run.AllTokens
            .Where(t => t.Phase == TokenPhase.Joining && run.Node(t.ElementId).Kind == NodeKind.InclusiveGateway)
            .Select(t => (t.ElementId, t.ScopeId)).Distinct().ToList();
        foreach (var (elementId, scopeId) in waiting)
            if (TryFire(run, run.Node(elementId), scopeId)) return true;
        return false;
    }

    private static bool TryFire(InstanceExecution run, FlowNode node, int scopeId)
    {
        var inScope = run.TokensIn(scopeId).ToList();
        var joining = inScope.Where(t => t.ElementId == node.Id && t.Phase == TokenPhase.Joining).ToList();
        if (joining.Count == 0) return false;
        var feeders = run.Process.InclusiveJoinFeeders[node.Id];
        var stillComing = inScope.Any(t => t.ElementId == node.Id ? t.Phase == TokenPhase.Arriving : feeders.Contains(t.ElementId));
        if (stillComing) return false;
        Fire(run, node, joining);
        return true;
    }

    private static void Fire(InstanceExecution run, FlowNode node, List<TokenState> tokens)
    {
        var survivor = tokens[0];
        var flows = run.SelectFlows(survivor, node, onlyFirst: false, IncidentRetry.Enter);
        if (flows is null)
        {
            foreach (var other in tokens.Skip(1)) run.RemoveToken(other);
            return;
        }
        foreach (var merged in tokens)
        {
            run.Emit("activity-completed", node);
            if (merged.Id != survivor.Id) run.RemoveToken(merged);
        }
        run.TakeFlows(run.Token(survivor.Id), flows);
    }
}
