using System.Collections.Immutable;
using System.Xml.Linq;
using Wuyi.Engine.Model;
using Wuyi.Expressions;
using static Wuyi.Engine.Parsing.BpmnNames;

namespace Wuyi.Engine.Parsing;

internal sealed partial class BpmnReader
{
    private CallActivitySpec? ReadCall(XElement e, string id, int? line)
    {
        var called = (string?)e.Attribute("calledElement");
        if (string.IsNullOrWhiteSpace(called))
        {
            Problem(id, line, "the call activity has no calledElement");
            return null;
        }
        var calledExpression = Expr(called, id, line, "calledElement");
        var extensions = e.Element(Bpmn + "extensionElements");
        var inputs = ImmutableArray.CreateBuilder<VariableMapping>();
        var outputs = ImmutableArray.CreateBuilder<VariableMapping>();
        Expression? businessKey = null;
        foreach (var x in extensions?.Elements() ?? [])
        {
            if (x.Name.Namespace != Camunda || x.Name.LocalName is not ("in" or "out")) continue;
            var isIn = x.Name.LocalName == "in";
            if (isIn && (string?)x.Attribute("businessKey") is { } bk)
            {
                businessKey = Expr(bk, id, Line(x), "businessKey");
                continue;
            }
            var mapping = ReadCallMapping(x, id);
            if (mapping is null) continue;
            (isIn ? inputs : outputs).Add(mapping);
        }
        if (e.Attribute(Camunda + "variableMappingClass") is not null || e.Attribute(Camunda + "variableMappingDelegateExpression") is not null)
            Problem(id, line, "variable mapping delegates are not supported; use camunda:in and camunda:out");
        return calledExpression is null ? null : new CallActivitySpec(calledExpression, inputs.ToImmutable(), outputs.ToImmutable(), businessKey);
    }

    private VariableMapping? ReadCallMapping(XElement x, string id)
    {
        if (string.Equals((string?)x.Attribute("variables"), "all", StringComparison.OrdinalIgnoreCase))
            return new VariableMapping(null, null, null, AllVariables: true);
        var target = (string?)x.Attribute("target");
        var source = (string?)x.Attribute("source");
        var sourceExpression = (string?)x.Attribute("sourceExpression");
        if (string.IsNullOrWhiteSpace(target) || (source is null && sourceExpression is null))
        {
            Problem(id, Line(x), $"camunda:{x.Name.LocalName} needs a target and a source or sourceExpression");
            return null;
        }
        if (source is not null) return new VariableMapping(target, source, null);
        var value = Expr(sourceExpression!, id, Line(x), "sourceExpression");
        return value is null ? null : new VariableMapping(target, null, new MappedValue(value, null, null));
    }

    private FlowNode ReadExtensions(XElement e, FlowNode node)
    {
        if (e.Element(Bpmn + "extensionElements") is not { } extensions) return node;
        var listeners = ImmutableArray.CreateBuilder<ListenerSpec>();
        foreach (var x in extensions.Elements())
        {
            if (x.Name.Namespace != Camunda) continue;
            switch (x.Name.LocalName)
            {
                case "executionListener" or "taskListener":
                    if (ReadListener(x, node.Id, node.Kind == NodeKind.UserTask) is { } listener) listeners.Add(listener);
                    break;
                case "connector":
                    Problem(node.Id, Line(x), "camunda:connector is not supported; use camunda:type=\"external\" with a camunda:topic");
                    break;
                case "inputOutput":
                    node = ReadInputOutput(x, node);
                    break;
                case "properties":
                    foreach (var p in x.Elements(Camunda + "property"))
                        if ((string?)p.Attribute("name") == "correlationKey" && (string?)p.Attribute("value") is { } key)
                            node = node with { CorrelationKey = Expr(key, node.Id, Line(p), "correlationKey") };
                    break;
            }
        }
        return listeners.Count == 0 ? node : node with { Listeners = listeners.ToImmutable() };
    }

    /// <summary>The execution listeners of a sequence flow (event <c>take</c>).</summary>
    private ImmutableArray<ListenerSpec> ReadFlowListeners(XElement flow, string id)
    {
        var listeners = ImmutableArray.CreateBuilder<ListenerSpec>();
        foreach (var x in flow.Element(Bpmn + "extensionElements")?.Elements() ?? [])
        {
            if (x.Name.Namespace != Camunda) continue;
            if (x.Name.LocalName == "executionListener" && ReadListener(x, id, isTask: false, onFlow: true) is { } listener) listeners.Add(listener);
        }
        return listeners.ToImmutable();
    }

    // Listeners run in the step, so only what the engine can run there is accepted: an expression. Java code
    // (class, delegateExpression) and scripts would run outside the step's determinism and are refused with why.
    private ListenerSpec? ReadListener(XElement x, string id, bool isTask, bool onFlow = false)
    {
        var kind = x.Name.LocalName;
        var line = Line(x);
        if (kind == "taskListener" && !isTask)
        {
            Problem(id, line, "camunda:taskListener belongs on a user task");
            return null;
        }
        var eventName = ((string?)x.Attribute("event") ?? (onFlow ? "take" : kind == "taskListener" ? "create" : "start")).Trim();
        ListenerEvent? when = (kind, eventName, onFlow) switch
        {
            ("executionListener", "take", true) => ListenerEvent.Take,
            ("executionListener", "start", false) => ListenerEvent.Start,
            ("executionListener", "end", false) => ListenerEvent.End,
            ("taskListener", "create", _) => ListenerEvent.Start,
            ("taskListener", "complete", _) => ListenerEvent.End,
            _ => null,
        };
        if (when is null)
        {
            Problem(id, line, $"camunda:{kind} event '{eventName}' is not supported: " + (kind == "taskListener"
                ? "task listeners run on create and complete (assignment, update, delete and timeout are the task service's)"
                : onFlow ? "a sequence flow's listener runs on take" : "execution listeners run on start and end"));
            return null;
        }
        if (x.Element(Camunda + "script") is not null)
        {
            Problem(id, line, $"a camunda:{kind} with a script is not supported: listeners run an expression only");
            return null;
        }
        if ((string?)x.Attribute("class") is not null || (string?)x.Attribute("delegateExpression") is not null)
        {
            Problem(id, line, $"a camunda:{kind} with class or delegateExpression is not supported: listener code would run inside the "
                + "step, where only pure expressions run; call the handler from a service task instead");
            return null;
        }
        if ((string?)x.Attribute("expression") is not { Length: > 0 } text)
        {
            Problem(id, line, $"the camunda:{kind} has no expression");
            return null;
        }
        return ListenerSetter(text, id, line, when.Value) ?? (Expr(text, id, line, "listener") is { } expression
            ? new ListenerSpec(when.Value, expression, null)
            : null);
    }

    // ${execution.setVariable('name', value)}, Camunda's idiom for a listener that sets a variable.
    private static readonly System.Text.RegularExpressions.Regex SetVariable = new(
        @"^\s*[$#]\{\s*execution\s*\.\s*setVariable\s*\(\s*(['""])([^'""]+)\1\s*,(.*)\)\s*\}\s*$",
        System.Text.RegularExpressions.RegexOptions.Singleline | System.Text.RegularExpressions.RegexOptions.CultureInvariant,
        TimeSpan.FromMilliseconds(100));

    private ListenerSpec? ListenerSetter(string text, string id, int? line, ListenerEvent when)
    {
        var match = SetVariable.Match(text);
        if (!match.Success) return null;
        var value = Expr("${" + match.Groups[3].Value.Trim() + "}", id, line, "listener");
        return value is null ? null : new ListenerSpec(when, value, match.Groups[2].Value.Trim());
    }

    private FlowNode ReadInputOutput(XElement x, FlowNode node)
    {
        if (!node.Kind.IsActivity() && node.Kind is not (NodeKind.IntermediateThrowEvent or NodeKind.EndEvent or NodeKind.IntermediateCatchEvent))
        {
            Problem(node.Id, Line(x), $"camunda:inputOutput is not supported on a {node.ElementType}");
            return node;
        }
        var inputs = ImmutableArray.CreateBuilder<VariableMapping>();
        var outputs = ImmutableArray.CreateBuilder<VariableMapping>();
        foreach (var p in x.Elements())
        {
            var isInput = p.Name == Camunda + "inputParameter";
            if (!isInput && p.Name != Camunda + "outputParameter") continue;
            var name = (string?)p.Attribute("name");
            if (string.IsNullOrWhiteSpace(name))
            {
                Problem(node.Id, Line(p), $"camunda:{p.Name.LocalName} has no name");
                continue;
            }
            var value = ReadMappedValue(p, node.Id);
            (isInput ? inputs : outputs).Add(new VariableMapping(name, null, value));
        }
        return node with { Inputs = inputs.ToImmutable(), Outputs = outputs.ToImmutable() };
    }

    // A parameter holds text (an expression or a literal), a camunda:list, or a camunda:map; nested freely. One
    // with no body at all is null, as in Camunda 7 (its NullValueProvider), not an empty map or text.
    private MappedValue? ReadMappedValue(XElement p, string id)
    {
        var structured = p.Elements().FirstOrDefault(c => c.Name.Namespace == Camunda);
        if (structured is null)
        {
            var text = p.Value.Trim();
            return text.Length == 0 ? null : new MappedValue(Expr(text, id, Line(p), "parameter"), null, null);
        }
        return ReadStructure(structured, id);
    }

    private MappedValue? ReadStructure(XElement structured, string id)
    {
        switch (structured.Name.LocalName)
        {
            case "list":
                return new MappedValue(null, [.. structured.Elements().Where(c => c.Name.Namespace == Camunda)
                    .Select(c => c.Name.LocalName is "list" or "map" ? ReadStructure(c, id) : ReadMappedValue(c, id))], null);
            case "map":
                return new MappedValue(null, null, [.. structured.Elements(Camunda + "entry")
                    .Select(c => new KeyValuePair<string, MappedValue?>((string?)c.Attribute("key") ?? "", ReadMappedValue(c, id)))]);
            default:
                Problem(id, Line(structured), $"camunda:{structured.Name.LocalName} parameters are not supported");
                return null;
        }
    }
}
