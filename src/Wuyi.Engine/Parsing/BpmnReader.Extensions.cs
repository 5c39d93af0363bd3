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
        foreach (var x in extensions.Elements())
        {
            if (x.Name.Namespace != Camunda) continue;
            switch (x.Name.LocalName)
            {
                case "executionListener" or "taskListener":
                    Problem(node.Id, Line(x), $"camunda:{x.Name.LocalName} is not supported: the engine runs no listener code");
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
        return node;
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
