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
        InclusiveJoinFeeders = nodes.Values.Where(n => n.Kind == NodeKind.InclusiveGateway)
            .ToFrozenDictionary(n => n.Id, n => Feeders(n.Id));
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

    /// <summary>For each inclusive gateway, every node from which a token could still reach it.</summary>
    internal FrozenDictionary<string, FrozenSet<string>> InclusiveJoinFeeders { get; }

    internal ImmutableArray<SequenceFlow> OutgoingOf(string nodeId) => Outgoing.GetValueOrDefault(nodeId, []);
    internal ImmutableArray<SequenceFlow> IncomingOf(string nodeId) => Incoming.GetValueOrDefault(nodeId, []);
    internal ImmutableArray<FlowNode> BoundariesOf(string nodeId) => Boundaries.GetValueOrDefault(nodeId, []);

    private static FrozenDictionary<string, ImmutableArray<SequenceFlow>> Group(IEnumerable<SequenceFlow> flows,
        Func<SequenceFlow, string> key, FrozenDictionary<string, FlowNode> nodes) =>
        flows.GroupBy(key)
            .ToFrozenDictionary(g => g.Key, g => g.OrderBy(f => f.Line ?? 0).ThenBy(f => f.Id, StringComparer.Ordinal).ToImmutableArray());

    // A token upstream of an inclusive join may still arrive there: walk flows backwards (and from a boundary
    // event back to the activity it is attached to, whose token may leave through it).
    private FrozenSet<string> Feeders(string joinId)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        foreach (var f in IncomingOf(joinId)) queue.Enqueue(f.SourceId);
        while (queue.Count > 0)
        {
            var id = queue.Dequeue();
            if (!seen.Add(id)) continue;
            foreach (var f in IncomingOf(id)) queue.Enqueue(f.SourceId);
            if (Nodes.TryGetValue(id, out var node) && node.AttachedToId is { } attached) queue.Enqueue(attached);
            foreach (var linkThrow in Nodes.Values.Where(n => n.LinkTargetId == id)) queue.Enqueue(linkThrow.Id);
        }
        return seen.ToFrozenSet(StringComparer.Ordinal);
    }
}
