using Wuyi.Engine.Model;
using Wuyi.Engine.State;

namespace Wuyi.Engine.Execution.Behaviours;

/// <summary>
/// An inclusive gateway forks along every outgoing flow whose condition holds (else its default flow). As a join
/// it follows BPMN 2.0 (13.3.5): it is activated when at least one incoming flow holds a token and no empty
/// incoming flow can still receive one from a token elsewhere in its scope — a token counts only if it can reach
/// the empty flow without passing the gateway or a node that leads to a flow already holding a token. It then
/// consumes one token from each incoming flow that has one; further tokens on a flow stay and may activate it
/// again (the engine re-checks waiting joins whenever a step has run everything else).
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

    /// <summary>Fires the first waiting inclusive join that may fire now.</summary>
    public static bool TryFireWaitingJoin(InstanceExecution run)
    {
        if (!run.Process.HasInclusiveJoins) return false;
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
        // A token about to enter the gateway is already on its flow: let it arrive first.
        if (inScope.Any(t => t.ElementId == node.Id && t.Phase == TokenPhase.Arriving)) return false;
        var joining = inScope.Where(t => t.ElementId == node.Id && t.Phase == TokenPhase.Joining).OrderBy(t => t.Id).ToList();
        if (joining.Count == 0) return false;
        var incoming = run.Process.IncomingOf(node.Id);
        var chosen = new List<TokenState>();
        var filled = new List<SequenceFlow>();
        foreach (var flow in incoming)
        {
            if (joining.FirstOrDefault(t => t.ArrivedVia == flow.Id) is not { } first) continue;
            chosen.Add(first);
            filled.Add(flow);
        }
        // A token stored before joins kept their flow (or arrived by a link) fills no known flow: it joins with the rest.
        chosen.AddRange(joining.Where(t => t.ArrivedVia is null || incoming.All(f => f.Id != t.ArrivedVia)));
        if (chosen.Count == 0) return false;

        var excluded = new HashSet<string>(filled.SelectMany(f => run.Process.InclusiveFlowUpstream[f.Id]), StringComparer.Ordinal);
        var elsewhere = inScope.Where(t => t.ElementId != node.Id).Select(t => t.ElementId).ToHashSet(StringComparer.Ordinal);
        foreach (var empty in incoming.Where(f => !filled.Contains(f)))
        {
            var upstream = run.Process.InclusiveFlowUpstream[empty.Id];
            if (!upstream.Overlaps(elsewhere)) continue;
            // Only a path avoiding every node that leads to a non-empty flow makes the gateway wait.
            if (run.Process.Upstream(empty.SourceId, node.Id, excluded).Overlaps(elsewhere)) return false;
        }
        chosen.Sort((a, b) => a.Id.CompareTo(b.Id));
        Fire(run, node, chosen);
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
