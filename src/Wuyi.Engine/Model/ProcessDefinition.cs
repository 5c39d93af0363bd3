using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Wuyi.Engine.Model;

/// <summary>One parsed, validated BPMN process: immutable, shared by every instance that runs it.</summary>
public sealed class ProcessDefinition
{
    internal ProcessDefinition(string id, string? name, bool isExecutable, int? line,
        FrozenDictionary<string, FlowNode> nodes, FrozenDictionary<string, SequenceFlow> flows,
        FrozenDictionary<string, ScopeDefinition> scopes)
    {
        Id = id;
        Name = name;
        IsExecutable = isExecutable;
        Line = line;
        Nodes = nodes;
        Flows = flows;
        Scopes = scopes;
        Outgoing = Group(flows.Values, f => f.SourceId, nodes);
        Incoming = Group(flows.Values, f => f.TargetId, nodes);
        Boundaries = nodes.Values.Where(n => n.AttachedToId is not null)
            .GroupBy(n => n.AttachedToId!)
            .ToFrozenDictionary(g => g.Key, g => g.OrderBy(n => n.Line ?? 0).ThenBy(n => n.Id, StringComparer.Ordinal).ToImmutableArray());
        StartTriggers = scopes[id].NodeIds.Select(i => nodes[i])
            .Where(n => n.Kind == NodeKind.StartEvent)
            .Select(n => new StartTrigger(n.Id, n.Event.Kind switch
            {
                EventKind.Message => StartTriggerKind.Message,
                EventKind.Signal => StartTriggerKind.Signal,
                EventKind.Timer => StartTriggerKind.Timer,
                _ => StartTriggerKind.None,
            }, n.Event.Timer?.Source.Text ?? n.Event.Name))
            .ToImmutableArray();
        var links = nodes.Values.Where(n => n.LinkTargetId is not null).ToLookup(n => n.LinkTargetId!, n => n.Id, StringComparer.Ordinal);
        Predecessors = nodes.Keys.ToFrozenDictionary(id => id, id => PredecessorsOf(id, links), StringComparer.Ordinal);
        InclusiveFlowUpstream = nodes.Values.Where(n => n.Kind == NodeKind.InclusiveGateway)
            .SelectMany(n => IncomingOf(n.Id).Select(f => (Flow: f, Join: n.Id)))
            .ToFrozenDictionary(p => p.Flow.Id, p => Upstream(p.Flow.SourceId, p.Join, FrozenSet<string>.Empty), StringComparer.Ordinal);
        HasInclusiveJoins = nodes.Values.Any(n => n.Kind == NodeKind.InclusiveGateway && IncomingOf(n.Id).Length > 1);
        HasConditionalEvents = nodes.Values.Any(n => n.Event.Kind == EventKind.Conditional);
    }

    /// <summary>The process id (<c>calledElement</c> and <c>--process</c> refer to it).</summary>
    public string Id { get; }

    /// <summary>The process name, when the model gives one.</summary>
    public string? Name { get; }

    /// <summary>Whether the model marks the process executable; only executable processes are run.</summary>
    public bool IsExecutable { get; }

    /// <summary>The top-level start events and what triggers each.</summary>
    public ImmutableArray<StartTrigger> StartTriggers { get; }

    internal int? Line { get; }
    internal FrozenDictionary<string, FlowNode> Nodes { get; }
    internal FrozenDictionary<string, SequenceFlow> Flows { get; }
    internal FrozenDictionary<string, ScopeDefinition> Scopes { get; }
    internal FrozenDictionary<string, ImmutableArray<SequenceFlow>> Outgoing { get; }
    internal FrozenDictionary<string, ImmutableArray<SequenceFlow>> Incoming { get; }
    internal FrozenDictionary<string, ImmutableArray<FlowNode>> Boundaries { get; }

    /// <summary>
    /// For each node, the nodes a token may come from: the sources of its incoming flows, for a boundary event the
    /// activity it is attached to, for a link catch event the link throws that jump to it.
    /// </summary>
    internal FrozenDictionary<string, ImmutableArray<string>> Predecessors { get; }

    /// <summary>
    /// For each incoming flow of an inclusive gateway, every node from which a token could reach that flow without
    /// passing the gateway itself (the flow's source included).
    /// </summary>
    internal FrozenDictionary<string, FrozenSet<string>> InclusiveFlowUpstream { get; }

    internal bool HasInclusiveJoins { get; }

    /// <summary>Whether any event waits for a condition: only then are variable changes tracked in a step.</summary>
    internal bool HasConditionalEvents { get; }

    internal ImmutableArray<SequenceFlow> OutgoingOf(string nodeId) => Outgoing.GetValueOrDefault(nodeId, []);
    internal ImmutableArray<SequenceFlow> IncomingOf(string nodeId) => Incoming.GetValueOrDefault(nodeId, []);
    internal ImmutableArray<FlowNode> BoundariesOf(string nodeId) => Boundaries.GetValueOrDefault(nodeId, []);

    private static FrozenDictionary<string, ImmutableArray<SequenceFlow>> Group(IEnumerable<SequenceFlow> flows,
        Func<SequenceFlow, string> key, FrozenDictionary<string, FlowNode> nodes) =>
        flows.GroupBy(key)
            .ToFrozenDictionary(g => g.Key, g => g.OrderBy(f => f.Line ?? 0).ThenBy(f => f.Id, StringComparer.Ordinal).ToImmutableArray());

    private ImmutableArray<string> PredecessorsOf(string id, ILookup<string, string> links)
    {
        var list = IncomingOf(id).Select(f => f.SourceId).ToList();
        if (Nodes[id].AttachedToId is { } attached) list.Add(attached);
        list.AddRange(links[id]);
        return [.. list.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Every node from which a token could reach <paramref name="sourceId"/> (itself included), walking backwards
    /// through neither <paramref name="joinId"/> nor any node in <paramref name="excluded"/>.
    /// </summary>
    internal FrozenSet<string> Upstream(string sourceId, string joinId, IReadOnlySet<string> excluded)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        queue.Enqueue(sourceId);
        while (queue.Count > 0)
        {
            var id = queue.Dequeue();
            if (id == joinId || excluded.Contains(id) || !seen.Add(id)) continue;
            foreach (var p in Predecessors.TryGetValue(id, out var ps) ? ps : []) queue.Enqueue(p);
        }
        return seen.ToFrozenSet(StringComparer.Ordinal);
    }
}
