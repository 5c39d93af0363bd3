using Wuyi.Engine.Model;

namespace Wuyi.Engine.Validation;

/// <summary>
/// Checks the graph of every process once the XML has been read: the things a reader can only judge with
/// the whole process in view (flows around gateways, default flows, boundary attachments, start events).
/// </summary>
internal static class ModelValidator
{
    public static IEnumerable<ModelProblem> Validate(BpmnDefinitions definitions)
    {
        var problems = new List<ModelProblem>();
        foreach (var id in definitions.ProcessOrder)
            ValidateProcess(definitions.Processes[id], problems);
        return problems;
    }

    private static void ValidateProcess(ProcessDefinition process, List<ModelProblem> problems)
    {
        void Problem(FlowNode n, string message) => problems.Add(new ModelProblem(n.Id, n.Line, message));

        var root = process.Scopes[process.Id];
        if (process.IsExecutable && !root.NodeIds.Any(i => process.Nodes[i].Kind == NodeKind.StartEvent))
            problems.Add(new ModelProblem(process.Id, process.Line, "the process has no start event"));

        foreach (var node in process.Nodes.Values.OrderBy(n => n.Line ?? 0).ThenBy(n => n.Id, StringComparer.Ordinal))
        {
            var outgoing = process.OutgoingOf(node.Id);
            var incoming = process.IncomingOf(node.Id);
            if (node.Kind.IsGateway() && outgoing.Length == 0) Problem(node, "the gateway has no outgoing sequence flow");
            if (node.DefaultFlowId is { } defaultId)
            {
                var flow = outgoing.FirstOrDefault(f => f.Id == defaultId);
                if (node.Kind is not (NodeKind.ExclusiveGateway or NodeKind.InclusiveGateway) && !node.Kind.IsActivity())
                    Problem(node, "only exclusive and inclusive gateways and activities have a default flow");
                else if (flow is null) Problem(node, $"the default flow '{defaultId}' is not an outgoing sequence flow of this element");
                else if (flow.Condition is not null)
                    problems.Add(new ModelProblem(flow.Id, flow.Line, $"the default flow of '{node.Id}' must not have a condition"));
            }
            if (node.Kind is NodeKind.ParallelGateway or NodeKind.EventBasedGateway)
                foreach (var f in outgoing.Where(f => f.Condition is not null))
                    problems.Add(new ModelProblem(f.Id, f.Line, $"a flow leaving the {node.ElementType} '{node.Id}' cannot have a condition"));
            if (node.Kind == NodeKind.EventBasedGateway) ValidateEventGateway(process, node, outgoing, Problem);
            if (node.Kind is NodeKind.StartEvent or NodeKind.BoundaryEvent or NodeKind.EventSubProcess && incoming.Length > 0)
                Problem(node, $"a {node.ElementType} cannot have an incoming sequence flow");
            if (node.Kind == NodeKind.IntermediateCatchEvent && node.Event.Kind == EventKind.Link && incoming.Length > 0)
                Problem(node, "a link catch event cannot have an incoming sequence flow");
            if (node.Kind is NodeKind.EndEvent or NodeKind.EventSubProcess && outgoing.Length > 0)
                Problem(node, $"a {node.ElementType} cannot have an outgoing sequence flow");
            if (node.Kind == NodeKind.IntermediateThrowEvent && node.Event.Kind == EventKind.Link && outgoing.Length > 0)
                Problem(node, "a link throw event cannot have an outgoing sequence flow");
            if (node.Kind == NodeKind.BoundaryEvent) ValidateBoundary(process, node, Problem);
            if (node.Kind == NodeKind.SubProcess && process.Scopes.TryGetValue(node.Id, out var sub))
            {
                var starts = sub.NodeIds.Count(i => process.Nodes[i].Kind == NodeKind.StartEvent);
                if (starts != 1) Problem(node, $"an embedded sub-process needs exactly one none start event (it has {starts})");
            }
            if (node.Kind == NodeKind.EventSubProcess && process.Scopes.TryGetValue(node.Id, out var esp))
            {
                var starts = esp.NodeIds.Count(i => process.Nodes[i].Kind == NodeKind.StartEvent);
                if (starts != 1) Problem(node, $"an event sub-process needs exactly one start event (it has {starts})");
            }
        }
    }

    private static void ValidateEventGateway(ProcessDefinition process, FlowNode gateway,
        IReadOnlyList<SequenceFlow> outgoing, Action<FlowNode, string> problem)
    {
        foreach (var f in outgoing)
        {
            var target = process.Nodes[f.TargetId];
            var catches = target.Kind == NodeKind.IntermediateCatchEvent && target.Event.Kind is EventKind.Timer or EventKind.Message or EventKind.Signal
                || target.Kind == NodeKind.ReceiveTask && target.Event.Kind == EventKind.Message;
            if (!catches)
                problem(gateway, $"the event-based gateway's flow '{f.Id}' must lead to a timer, message or signal catch event or a receive task with a message, not to '{target.Id}'");
        }
    }

    private static void ValidateBoundary(ProcessDefinition process, FlowNode boundary, Action<FlowNode, string> problem)
    {
        if (boundary.AttachedToId is not { } attached) return;
        if (!process.Nodes.TryGetValue(attached, out var activity))
            problem(boundary, $"the boundary event is attached to '{attached}', which is not a flow node of this process");
        else if (!activity.Kind.IsActivity())
            problem(boundary, $"the boundary event is attached to '{attached}', which is not an activity");
        else if (activity.ScopeId != boundary.ScopeId)
            problem(boundary, $"the boundary event and '{attached}' lie in different (sub-)processes");
    }
}
