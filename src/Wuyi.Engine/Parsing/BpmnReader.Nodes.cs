using System.Xml.Linq;
using Wuyi.Engine.Model;
using Wuyi.Engine.Timers;
using Wuyi.Expressions;
using static Wuyi.Engine.Parsing.BpmnNames;

namespace Wuyi.Engine.Parsing;

internal sealed partial class BpmnReader
{
    private static readonly DateTimeOffset ValidationProbe = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private FlowNode? ReadNode(XElement e, string scopeId, ScopeRole role)
    {
        var local = e.Name.LocalName;
        NodeKind? kind = local switch
        {
            "startEvent" => NodeKind.StartEvent,
            "endEvent" => NodeKind.EndEvent,
            "intermediateCatchEvent" => NodeKind.IntermediateCatchEvent,
            "intermediateThrowEvent" => NodeKind.IntermediateThrowEvent,
            "boundaryEvent" => NodeKind.BoundaryEvent,
            "task" => NodeKind.Task,
            "manualTask" => NodeKind.ManualTask,
            "userTask" => NodeKind.UserTask,
            "serviceTask" => NodeKind.ServiceTask,
            "sendTask" => NodeKind.SendTask,
            "businessRuleTask" => NodeKind.BusinessRuleTask,
            "receiveTask" => NodeKind.ReceiveTask,
            "scriptTask" => NodeKind.ScriptTask,
            "exclusiveGateway" => NodeKind.ExclusiveGateway,
            "parallelGateway" => NodeKind.ParallelGateway,
            "inclusiveGateway" => NodeKind.InclusiveGateway,
            "eventBasedGateway" => NodeKind.EventBasedGateway,
            "subProcess" when IsTrue(e.Attribute("triggeredByEvent")) => NodeKind.EventSubProcess,
            "subProcess" => NodeKind.SubProcess,
            "callActivity" => NodeKind.CallActivity,
            _ => null,
        };
        var id = (string?)e.Attribute("id");
        var line = Line(e);
        if (kind is null)
        {
            Problem(id, line, $"unsupported element '{local}': the engine does not run it, so the model is refused");
            return null;
        }
        id = RequireId(e);
        if (id is null) return null;
        if (IsTrue(e.Attribute("isForCompensation"))) Problem(id, line, "compensation is not supported");
        var node = new FlowNode
        {
            Id = id,
            Name = (string?)e.Attribute("name"),
            Kind = kind.Value,
            ElementType = local,
            Line = line,
            ScopeId = scopeId,
            DefaultFlowId = (string?)e.Attribute("default"),
        };
        node = kind.Value switch
        {
            NodeKind.StartEvent or NodeKind.EndEvent or NodeKind.IntermediateCatchEvent or NodeKind.IntermediateThrowEvent
                or NodeKind.BoundaryEvent => ReadEvent(e, node, role),
            NodeKind.UserTask => node with { UserTask = ReadUserTask(e, id) },
            NodeKind.ServiceTask or NodeKind.SendTask or NodeKind.BusinessRuleTask => ReadImplementation(e, node, required: true),
            NodeKind.ScriptTask => ReadScriptTask(e, node),
            NodeKind.ReceiveTask => ReadReceiveTask(e, node),
            NodeKind.CallActivity => node with { Call = ReadCall(e, id, line) },
            _ => node,
        };
        if (kind.Value.IsActivity())
        {
            node = node with { MultiInstance = ReadMultiInstance(e, id) };
            if (e.Element(Bpmn + "standardLoopCharacteristics") is { } loop)
                Problem(id, Line(loop), "standard loop characteristics are not supported; use multi-instance");
        }
        return ReadExtensions(e, node);
    }

    private FlowNode ReadEvent(XElement e, FlowNode node, ScopeRole role)
    {
        // An event definition the engine cannot run has been refused on its own; nothing more is said about the event.
        var definition = ReadEventDefinition(e, node.Id, node.Kind);
        if (definition is null) return node;
        node = node with { Event = definition };
        var allowed = node.Kind switch
        {
            NodeKind.StartEvent => role switch
            {
                ScopeRole.Process => [EventKind.None, EventKind.Message, EventKind.Signal, EventKind.Timer],
                ScopeRole.SubProcess => [EventKind.None],
                _ => new[] { EventKind.Message, EventKind.Signal, EventKind.Timer, EventKind.Error, EventKind.Escalation, EventKind.Conditional },
            },
            NodeKind.EndEvent => [EventKind.None, EventKind.Terminate, EventKind.Error, EventKind.Message, EventKind.Signal, EventKind.Escalation],
            NodeKind.IntermediateCatchEvent => [EventKind.Timer, EventKind.Message, EventKind.Signal, EventKind.Link, EventKind.Conditional],
            NodeKind.IntermediateThrowEvent => [EventKind.None, EventKind.Message, EventKind.Signal, EventKind.Link, EventKind.Escalation],
            _ => [EventKind.Timer, EventKind.Message, EventKind.Signal, EventKind.Error, EventKind.Escalation, EventKind.Conditional],
        };
        if (!allowed.Contains(definition.Kind))
        {
            var where = node.Kind == NodeKind.StartEvent ? role switch
            {
                ScopeRole.SubProcess => " in an embedded sub-process",
                ScopeRole.EventSubProcess => " of an event sub-process",
                _ => "",
            } : "";
            var why = definition.Kind == EventKind.Conditional && node.Kind == NodeKind.StartEvent
                ? ": nothing evaluates a condition outside a running instance; use a conditional event sub-process or a boundary event"
                : "";
            Problem(node.Id, node.Line, definition.Kind == EventKind.None
                ? $"a {node.ElementType}{where} needs an event definition"
                : $"a {definition.Kind.ToString().ToLowerInvariant()} {node.ElementType}{where} is not supported{why}");
        }
        if (node.Kind == NodeKind.StartEvent && (string?)e.Attribute(Camunda + "initiator") is { Length: > 0 } initiator)
            node = node with { Initiator = initiator };
        if (node.Kind == NodeKind.BoundaryEvent)
        {
            node = node with
            {
                AttachedToId = (string?)e.Attribute("attachedToRef"),
                Interrupting = !IsFalse(e.Attribute("cancelActivity")),
            };
            if (node.AttachedToId is null) Problem(node.Id, node.Line, "the boundary event has no attachedToRef");
            if (definition.Kind == EventKind.Error && !node.Interrupting)
                Problem(node.Id, node.Line, "an error boundary event is always interrupting (cancelActivity=\"false\" is not allowed)");
        }
        if (node.Kind == NodeKind.StartEvent) node = node with { Interrupting = !IsFalse(e.Attribute("isInterrupting")) };
        if (definition.Kind == EventKind.Message && node.Kind is NodeKind.EndEvent or NodeKind.IntermediateThrowEvent)
            node = ReadImplementation(e, node, required: false);
        return node;
    }

    // Null when the definition is refused (the problem is reported here, first and alone).
    private EventDefinition? ReadEventDefinition(XElement e, string id, NodeKind kind)
    {
        var definitions = e.Elements().Where(x => x.Name.Namespace == Bpmn && x.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal)).ToList();
        if (definitions.Count == 0) return EventDefinition.None;
        if (definitions.Count > 1)
        {
            Problem(id, Line(definitions[1]), "events with several event definitions (multiple or parallel multiple events) are not supported");
            return null;
        }
        var d = definitions[0];
        var line = Line(d);
        switch (d.Name.LocalName)
        {
            case "messageEventDefinition":
                return new EventDefinition(EventKind.Message, Reference(d, "messageRef", _messages, "message", id, required: true), null);
            case "signalEventDefinition":
                return new EventDefinition(EventKind.Signal, Reference(d, "signalRef", _signals, "signal", id, required: true), null);
            case "errorEventDefinition":
                return new EventDefinition(EventKind.Error, Reference(d, "errorRef", _errors, "error", id, required: false), null)
                {
                    CodeVariable = (string?)d.Attribute(Camunda + "errorCodeVariable"),
                    MessageVariable = (string?)d.Attribute(Camunda + "errorMessageVariable"),
                };
            case "escalationEventDefinition":
                return new EventDefinition(EventKind.Escalation, Reference(d, "escalationRef", _escalations, "escalation", id, required: false), null);
            case "terminateEventDefinition":
                return new EventDefinition(EventKind.Terminate, null, null);
            case "linkEventDefinition":
                var name = (string?)d.Attribute("name");
                if (string.IsNullOrWhiteSpace(name)) Problem(id, line, "the link event has no name");
                return new EventDefinition(EventKind.Link, name ?? "", null);
            case "timerEventDefinition":
                return new EventDefinition(EventKind.Timer, null, ReadTimer(d, id));
            case "conditionalEventDefinition":
                return ReadConditional(d, id);
            default:
                Problem(id, line, $"'{d.Name.LocalName}' on a {ElementName(kind)} is not supported: {UnsupportedReason(d.Name.LocalName)}");
                return null;
        }
    }

    private static string ElementName(NodeKind kind) => kind switch
    {
        NodeKind.StartEvent => "startEvent",
        NodeKind.EndEvent => "endEvent",
        NodeKind.IntermediateCatchEvent => "intermediateCatchEvent",
        NodeKind.IntermediateThrowEvent => "intermediateThrowEvent",
        _ => "boundaryEvent",
    };

    private static string UnsupportedReason(string definition) => definition switch
    {
        "compensateEventDefinition" => "compensation is not run (model the undo steps as ordinary activities)",
        "cancelEventDefinition" => "cancel events belong to transactions, which are not run",
        _ => "the engine does not run this kind of event",
    };

    private EventDefinition? ReadConditional(XElement d, string id)
    {
        var text = d.Element(Bpmn + "condition")?.Value.Trim();
        if (string.IsNullOrEmpty(text))
        {
            Problem(id, Line(d), "the conditional event definition has no condition");
            return null;
        }
        var language = (string?)d.Element(Bpmn + "condition")!.Attribute("language");
        if (language is not null && !IsExpressionLanguage(language))
        {
            Problem(id, Line(d), $"condition language '{language}' is not supported: only the sandboxed expression language runs");
            return null;
        }
        var condition = Expr(text, id, Line(d), "condition");
        if (condition is null) return null;
        var events = ((string?)d.Attribute(Camunda + "variableEvents") ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => v.ToLowerInvariant()).ToList();
        foreach (var unknown in events.Where(v => v is not ("create" or "update" or "delete")))
            Problem(id, Line(d), $"camunda:variableEvents names '{unknown}': the events are create, update and delete");
        var name = (string?)d.Attribute(Camunda + "variableName");
        return new EventDefinition(EventKind.Conditional, null, null)
        {
            Condition = new ConditionSpec(condition, string.IsNullOrWhiteSpace(name) ? null : name.Trim(), [.. events]),
        };
    }

    private string? Reference<T>(XElement d, string attribute, Dictionary<string, T> known, string what, string id, bool required)
    {
        var reference = (string?)d.Attribute(attribute);
        if (reference is null)
        {
            if (required) Problem(id, Line(d), $"the {what} event definition has no {attribute}");
            return null;
        }
        if (!known.TryGetValue(reference, out var value))
        {
            Problem(id, Line(d), $"unknown {what} '{reference}' ({attribute})");
            return null;
        }
        return value as string ?? reference;
    }

    private TimerDefinition? ReadTimer(XElement d, string id)
    {
        var parts = d.Elements().Where(x => x.Name.Namespace == Bpmn && x.Name.LocalName is "timeDate" or "timeDuration" or "timeCycle").ToList();
        if (parts.Count != 1)
        {
            Problem(id, Line(d), "a timer needs exactly one of timeDate, timeDuration and timeCycle");
            return null;
        }
        var part = parts[0];
        var kind = part.Name.LocalName switch { "timeDate" => TimerKind.Date, "timeDuration" => TimerKind.Duration, _ => TimerKind.Cycle };
        var text = part.Value.Trim();
        if (text.Length == 0) { Problem(id, Line(part), $"the timer's {part.Name.LocalName} is empty"); return null; }
        var expression = Expr(text, id, Line(part), "timer");
        if (expression is null) return null;
        if (expression.IsLiteral && TimerSchedule.Check(kind, text, ValidationProbe) is { } error)
            Problem(id, Line(part), $"unparsable timer: {error}");
        else if (expression.IsLiteral && kind == TimerKind.Cycle && TimerSchedule.ShortestInterval(text, ValidationProbe) is { } every
            && every < _options.Limits.MinCycleInterval)
            Problem(id, Line(part), $"the timer cycle '{text}' repeats every {Describe(every)}, more often than the minimum of {Describe(_options.Limits.MinCycleInterval)}");
        return new TimerDefinition(kind, expression);
    }

    internal static string Describe(TimeSpan interval) =>
        interval >= TimeSpan.FromMinutes(1) && interval.Ticks % TimeSpan.TicksPerMinute == 0
            ? $"{interval.TotalMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture)} min"
            : $"{interval.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} s";

    private UserTaskSpec ReadUserTask(XElement e, string id)
    {
        Expression? Attr(string name) => (string?)e.Attribute(Camunda + name) is { Length: > 0 } text ? Expr(text, id, Line(e), $"camunda:{name}") : null;
        return new UserTaskSpec(Attr("assignee"), Attr("candidateUsers"), Attr("candidateGroups"), Attr("dueDate"),
            // Camunda 7.16+ names a Camunda Form by camunda:formRef instead of camunda:formKey (a model has one or the
            // other); either way the task carries the form's id.
            Attr("followUpDate"), Attr("priority"), Attr("formKey") ?? Attr("formRef"));
    }

    private FlowNode ReadImplementation(XElement e, FlowNode node, bool required)
    {
        var type = (string?)e.Attribute(Camunda + "type");
        var topic = (string?)e.Attribute(Camunda + "topic");
        var delegateExpression = (string?)e.Attribute(Camunda + "delegateExpression");
        var className = (string?)e.Attribute(Camunda + "class");
        var expression = (string?)e.Attribute(Camunda + "expression");
        var decision = (string?)e.Attribute(Camunda + "decisionRef");
        if (expression is not null)
        {
            var body = Expr(expression, node.Id, node.Line, "camunda:expression");
            return body is null ? node : node with { Script = new ScriptSpec(body, (string?)e.Attribute(Camunda + "resultVariable")) };
        }
        string? handler = null;
        if (string.Equals(type, "external", StringComparison.OrdinalIgnoreCase))
        {
            handler = topic;
            if (string.IsNullOrWhiteSpace(topic)) Problem(node.Id, node.Line, "camunda:type=\"external\" needs a camunda:topic");
        }
        else if (!string.IsNullOrWhiteSpace(type)) handler = type;
        else if (delegateExpression is not null) handler = DelegateName(delegateExpression);
        else if (className is not null) handler = className;
        else if (decision is not null) handler = decision;
        if (handler is null && !required) return node;
        return node with { Handler = string.IsNullOrWhiteSpace(handler) ? node.Id : handler };
    }

    // ${publishResult} and #{publishResult} name a handler; anything else is taken whole.
    private static string DelegateName(string text)
    {
        var t = text.Trim();
        return t.Length > 3 && (t.StartsWith("${", StringComparison.Ordinal) || t.StartsWith("#{", StringComparison.Ordinal)) && t.EndsWith('}')
            ? t[2..^1].Trim()
            : t;
    }

    private FlowNode ReadScriptTask(XElement e, FlowNode node)
    {
        var format = (string?)e.Attribute("scriptFormat") ?? "juel";
        var resultVariable = (string?)e.Attribute(Camunda + "resultVariable");
        var scripts = _options.Scripts;
        var runsScript = scripts is not null && scripts.Runs(format.Trim());
        if (!IsExpressionLanguage(format) && !runsScript)
        {
            var runnable = scripts is null ? "juel (the expression language)" : $"juel (the expression language) and {string.Join(", ", scripts.Formats)}";
            Problem(node.Id, node.Line, $"scriptFormat '{format}' is not supported: script tasks run {runnable} only");
            return node;
        }
        string? text;
        if ((string?)e.Attribute(Camunda + "resource") is { } resource)
        {
            text = _options.ResolveScriptResource?.Invoke(resource);
            if (text is null)
            {
                Problem(node.Id, node.Line, _options.ResolveScriptResource is null
                    ? $"the script resource '{resource}' cannot be read: a model is deployed as one XML document, so write the script inline"
                    : $"the script resource '{resource}' was not found");
                return node;
            }
        }
        else text = e.Element(Bpmn + "script")?.Value;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            Problem(node.Id, node.Line, "the script task has no script");
            return node;
        }
        if (runsScript)
        {
            if (scripts!.Check(text) is { } syntax)
            {
                Problem(node.Id, Line(e.Element(Bpmn + "script") ?? e), $"the {format} script does not parse: {syntax}");
                return node;
            }
            return node with { Script = new ScriptSpec(null, resultVariable) { Source = text } };
        }
        var source = text.Contains("${", StringComparison.Ordinal) || text.Contains("#{", StringComparison.Ordinal) ? text : "${" + text + "}";
        var body = Expr(source, node.Id, node.Line, "script");
        return body is null ? node : node with { Script = new ScriptSpec(body, resultVariable) };
    }

    private FlowNode ReadReceiveTask(XElement e, FlowNode node)
    {
        if ((string?)e.Attribute("messageRef") is not { } reference) return node;
        if (!_messages.TryGetValue(reference, out var name))
        {
            Problem(node.Id, node.Line, $"unknown message '{reference}' (messageRef)");
            return node;
        }
        return node with { Event = new EventDefinition(EventKind.Message, name, null) };
    }

    private MultiInstanceSpec? ReadMultiInstance(XElement e, string id)
    {
        if (e.Element(Bpmn + "multiInstanceLoopCharacteristics") is not { } mi) return null;
        var line = Line(mi);
        var sequential = IsTrue(mi.Attribute("isSequential"));
        var cardinalityText = mi.Element(Bpmn + "loopCardinality")?.Value.Trim();
        var cardinality = string.IsNullOrEmpty(cardinalityText) ? null : Expr(cardinalityText, id, line, "loopCardinality");
        var collectionText = (string?)mi.Attribute(Camunda + "collection");
        Expression? collection = null;
        if (!string.IsNullOrWhiteSpace(collectionText))
        {
            var literalName = !collectionText.Contains("${", StringComparison.Ordinal) && !collectionText.Contains("#{", StringComparison.Ordinal);
            collection = Expr(literalName ? "${" + collectionText.Trim() + "}" : collectionText, id, line, "camunda:collection");
        }
        var conditionText = mi.Element(Bpmn + "completionCondition")?.Value.Trim();
        var completion = string.IsNullOrEmpty(conditionText) ? null : Expr(conditionText, id, line, "completionCondition");
        if (cardinality is null && collection is null && string.IsNullOrEmpty(cardinalityText) && string.IsNullOrWhiteSpace(collectionText))
            Problem(id, line, "multi-instance needs a loopCardinality or a camunda:collection");
        return new MultiInstanceSpec(sequential, cardinality, collection, (string?)mi.Attribute(Camunda + "elementVariable"), completion);
    }

    private Expression? Expr(string text, string? id, int? line, string what)
    {
        var parse = Expression.Parse(text);
        if (parse.Expression is not null && parse.Success) return parse.Expression;
        Problem(id, line, $"unparsable {what} expression '{text}': {parse.Error?.Message} at position {parse.Error?.Position}");
        return null;
    }

    private static bool IsTrue(XAttribute? a) => string.Equals(a?.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase);
    private static bool IsFalse(XAttribute? a) => string.Equals(a?.Value.Trim(), "false", StringComparison.OrdinalIgnoreCase);
}
