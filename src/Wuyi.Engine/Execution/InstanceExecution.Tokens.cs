using Wuyi.Engine.Commands;
using Wuyi.Engine.Execution.Behaviours;
using Wuyi.Engine.Model;
using Wuyi.Engine.State;

namespace Wuyi.Engine.Execution;

internal sealed partial class InstanceExecution
{
    public TokenState Token(int id) => _tokens[id];

    public bool TryGetToken(int id, out TokenState token) => _tokens.TryGetValue(id, out token!);

    public IEnumerable<TokenState> TokensIn(int scopeId) => _tokens.Values.Where(t => t.ScopeId == scopeId).ToList();

    public IEnumerable<TokenState> AllTokens => _tokens.Values;

    /// <summary>Whether any token is in the scope; without copying them (a wide multi-instance asks once per inner instance).</summary>
    public bool AnyTokenIn(int scopeId)
    {
        foreach (var t in _tokens.Values)
            if (t.ScopeId == scopeId) return true;
        return false;
    }

    public TokenState Update(TokenState token)
    {
        _tokens[token.Id] = token;
        return token;
    }

    public TokenState NewToken(string elementId, int scopeId, TokenPhase phase, string? arrivedVia = null,
        System.Collections.Immutable.ImmutableSortedDictionary<string, object?>? locals = null)
    {
        var token = new TokenState(_nextToken++, elementId, scopeId, phase, arrivedVia, locals ?? VariableMaps.Empty);
        _tokens[token.Id] = token;
        return token;
    }

    public void RemoveToken(TokenState token) => _tokens.Remove(token.Id);

    /// <summary>A multi-instance activity's inner instance: a token at the activity inside its own body scope.</summary>
    public bool IsInnerInstance(TokenState token) =>
        _scopes.TryGetValue(token.ScopeId, out var s) && s.Kind == ScopeKind.MultiInstance && s.ElementId == token.ElementId;

    private void Enter(TokenState token)
    {
        var node = Node(token.ElementId);
        // Only a parallel or inclusive join reads the flow a token came by; anywhere else it is dropped on entry, so
        // that a state waiting at tasks and events does not carry (and store) flow ids nobody will read again.
        if (token.ArrivedVia is not null && node.Kind is not (NodeKind.ParallelGateway or NodeKind.InclusiveGateway))
            token = Update(token with { ArrivedVia = null });
        _tokenEntries[token.Id] = _tokenEntries.GetValueOrDefault(token.Id) + 1;
        Emit("activity-started", node);
        if (node.IsMultiInstance && !IsInnerInstance(token))
        {
            MultiInstanceBehaviour.EnterBody(this, token, node);
            BoundaryEventBehaviour.Attach(this, token.Id, node);
            return;
        }
        if (!ApplyInputs(token, node)) return;
        if (!RunListeners(_tokens[token.Id], node.Listeners, ListenerEvent.Start)) return;
        NodeBehaviours.For(node.Kind).Enter(this, _tokens[token.Id], node);
        if (node.Kind.IsActivity() && !IsInnerInstance(token)) BoundaryEventBehaviour.Attach(this, token.Id, node);
    }

    /// <summary>An event that has already happened: the token enters and immediately completes it.</summary>
    public void EnterTriggered(TokenState token, FlowNode node)
    {
        Emit("activity-started", node);
        if (!RunListeners(_tokens[token.Id], node.Listeners, ListenerEvent.Start)) return;
        CompleteActivity(_tokens[token.Id]);
    }

    /// <summary>The token's activity or event is done: outputs are mapped, its boundary waits end, and it leaves.</summary>
    public void CompleteActivity(TokenState token)
    {
        var node = Node(token.ElementId);
        if (!ApplyOutputs(token, node)) return;
        if (!RunListeners(_tokens[token.Id], node.Listeners, ListenerEvent.End)) return;
        CancelOwnedWaits(token.Id);
        token = Update(_tokens[token.Id] with { Locals = VariableMaps.Empty, Phase = TokenPhase.Arriving });
        Emit("activity-completed", node);
        if (IsInnerInstance(token))
        {
            MultiInstanceBehaviour.InnerCompleted(this, token, node);
            return;
        }
        Leave(token, node);
    }

    /// <summary>Leaves an activity or event along its outgoing flows (conditional flows and the default flow as Camunda does).</summary>
    public void Leave(TokenState token, FlowNode node)
    {
        if (node.LinkTargetId is { } link)
        {
            Enqueue(Update(token with { ElementId = link, ArrivedVia = null, Phase = TokenPhase.Arriving }));
            return;
        }
        var outgoing = Process.OutgoingOf(node.Id);
        if (outgoing.Length == 0)
        {
            Consume(token);
            return;
        }
        var flows = SelectFlows(token, node, onlyFirst: false);
        if (flows is not null) TakeFlows(token, flows);
    }

    /// <summary>
    /// The outgoing flows whose condition holds (all of them, or only the first for an exclusive choice); the
    /// default flow when none does. Null, with an incident raised, when none can be taken.
    /// </summary>
    public IReadOnlyList<SequenceFlow>? SelectFlows(TokenState token, FlowNode node, bool onlyFirst, IncidentRetry retry = IncidentRetry.Leave)
    {
        var taken = new List<SequenceFlow>();
        SequenceFlow? defaultFlow = null;
        foreach (var flow in Process.OutgoingOf(node.Id))
        {
            if (flow.Id == node.DefaultFlowId) { defaultFlow = flow; continue; }
            if (flow.Condition is not null)
            {
                var holds = EvaluateCondition(flow.Condition, token.Id, out var error);
                if (error is not null)
                {
                    Incident(token, $"the condition of sequence flow '{flow.Id}' failed: {error}", retry);
                    return null;
                }
                if (!holds) continue;
            }
            taken.Add(flow);
            if (onlyFirst) break;
        }
        if (taken.Count == 0 && defaultFlow is not null) taken.Add(defaultFlow);
        if (taken.Count == 0)
        {
            Incident(token, "no outgoing sequence flow can be taken: no condition holds and there is no default flow", retry);
            return null;
        }
        return taken;
    }

    /// <summary>Moves the token along the first flow and a new token along each further one.</summary>
    public void TakeFlows(TokenState token, IReadOnlyList<SequenceFlow> flows)
    {
        if (flows.Count == 0)
        {
            Consume(token);
            return;
        }
        foreach (var flow in flows)
            if (!RunListeners(token, flow.Listeners, ListenerEvent.Take)) return;
        for (var i = 0; i < flows.Count; i++)
        {
            var next = i == 0
                ? Update(token with { ElementId = flows[i].TargetId, ArrivedVia = flows[i].Id, Phase = TokenPhase.Arriving, Locals = VariableMaps.Empty })
                : NewToken(flows[i].TargetId, token.ScopeId, TokenPhase.Arriving, flows[i].Id);
            Enqueue(next);
        }
    }

    /// <summary>The token's path ends here; its scope completes when it was the last.</summary>
    public void Consume(TokenState token)
    {
        _tokens.Remove(token.Id);
        CheckScopeCompletion(token.ScopeId);
    }

    /// <summary>Interrupts the token's activity: its child scopes, its waits and its incidents go with it.</summary>
    public void CancelToken(TokenState token)
    {
        foreach (var scope in _scopes.Values.Where(s => s.OwnerTokenId == token.Id).ToList()) CancelScope(scope);
        CancelOwnedWaits(token.Id);
        _incidents.RemoveAll(i => i.TokenId == token.Id);
        if (!_tokens.Remove(token.Id)) return;
        Emit("activity-cancelled", Node(token.ElementId));
    }

    /// <summary>Stops a path with an incident that <see cref="Stimuli.RetryIncident"/> can retry.</summary>
    public void Incident(TokenState token, string message, IncidentRetry retry, bool announce = true)
    {
        Update(_tokens[token.Id] with { Phase = TokenPhase.Incident });
        _incidents.Add(new IncidentState(token.Id, token.ElementId, message, retry));
        if (!announce) return;
        Command(new RaiseIncident(token.ElementId, message));
        Emit(NewEvent("incident", Node(token.ElementId)) with { Message = message });
    }

    private void RetryIncidents()
    {
        var incidents = _incidents.ToList();
        _incidents.Clear();
        _entered = 0;
        foreach (var incident in incidents)
        {
            if (!_tokens.TryGetValue(incident.TokenId, out var token)) continue;
            var node = Node(token.ElementId);
            switch (incident.Retry)
            {
                case IncidentRetry.Enter:
                    Enqueue(Update(token with { Phase = TokenPhase.Arriving }));
                    break;
                case IncidentRetry.Complete:
                    CompleteActivity(token);
                    break;
                default:
                    Leave(Update(token with { Phase = TokenPhase.Arriving }), node);
                    break;
            }
        }
    }
}
