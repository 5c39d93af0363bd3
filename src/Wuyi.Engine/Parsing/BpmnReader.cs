using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Xml;
using System.Xml.Linq;
using Wuyi.Engine.Model;
using Wuyi.Engine.Validation;
using static Wuyi.Engine.Parsing.BpmnNames;

namespace Wuyi.Engine.Parsing;

/// <summary>
/// Reads BPMN 2.0 XML with Camunda 7 extensions into the immutable model. It keeps reading after a problem
/// so that every problem in the document is reported at once; the model is returned only when there are none.
/// </summary>
internal sealed partial class BpmnReader
{
    private readonly List<ModelProblem> _problems = [];
    private readonly ModelOptions _options;
    private readonly Dictionary<string, string> _messages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _signals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _errors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _escalations = new(StringComparer.Ordinal);

    // The process being read.
    private Dictionary<string, FlowNode> _nodes = new(StringComparer.Ordinal);
    private Dictionary<string, ScopeDefinition> _scopes = new(StringComparer.Ordinal);
    private List<(XElement Element, string ScopeId)> _rawFlows = [];

    private BpmnReader(ModelOptions options) => _options = options;

    public static ParseOutcome Read(string xml, ModelOptions options)
    {
        var reader = new BpmnReader(options);
        var doc = reader.CheckDepth(xml) ? reader.Load(xml) : null;
        if (doc is null) return new ParseOutcome(null, [.. reader._problems]);
        var definitions = reader.ReadDefinitions(doc);
        if (definitions is not null) reader._problems.AddRange(ModelValidator.Validate(definitions));
        return reader._problems.Count == 0
            ? new ParseOutcome(definitions, [])
            : new ParseOutcome(null, [.. reader._problems.OrderBy(p => p.Line ?? 0)]);
    }

    private static XmlReaderSettings Settings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
    };

    // A cheap forward-only pass refuses a deeply nested document before a tree is built: reading a tree, and the
    // walks over it, cost more than linear time in the depth (100 000 levels took 16 s).
    private bool CheckDepth(string xml)
    {
        var max = _options.Limits.MaxXmlDepth;
        if (max == int.MaxValue) return true;
        try
        {
            using var text = new StringReader(xml);
            using var reader = XmlReader.Create(text, Settings());
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.Depth < max) continue;
                var line = reader is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : (int?)null;
                Problem(reader.GetAttribute("id"), line,
                    $"the XML nests deeper than {max} elements ('{reader.LocalName}' is at depth {reader.Depth + 1}): the model is refused");
                return false;
            }
            return true;
        }
        catch (XmlException)
        {
            // Load reports malformed XML with its position.
            return true;
        }
    }

    private XDocument? Load(string xml)
    {
        var settings = Settings();
        try
        {
            using var text = new StringReader(xml);
            using var reader = XmlReader.Create(text, settings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            Problem(null, ex.LineNumber == 0 ? null : ex.LineNumber, $"malformed XML: {ex.Message}");
            return null;
        }
    }

    private BpmnDefinitions? ReadDefinitions(XDocument doc)
    {
        var root = doc.Root!;
        if (root.Name != Bpmn + "definitions")
        {
            Problem(null, Line(root), $"the document is not BPMN 2.0: its root is '{root.Name.LocalName}' in namespace '{root.Name.NamespaceName}', not 'definitions' in {Bpmn.NamespaceName}");
            return null;
        }
        CheckDuplicateIds(root);
        foreach (var e in root.Elements())
        {
            if (e.Name.Namespace != Bpmn) continue;
            var id = (string?)e.Attribute("id");
            switch (e.Name.LocalName)
            {
                case "message" when id is not null: _messages[id] = (string?)e.Attribute("name") ?? id; break;
                case "signal" when id is not null: _signals[id] = (string?)e.Attribute("name") ?? id; break;
                case "error" when id is not null: _errors[id] = (string?)e.Attribute("errorCode") ?? id; break;
                case "escalation" when id is not null: _escalations[id] = (string?)e.Attribute("escalationCode") ?? id; break;
            }
        }
        var processes = new Dictionary<string, ProcessDefinition>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var e in root.Elements())
        {
            if (e.Name.Namespace != Bpmn) continue;
            var local = e.Name.LocalName;
            if (local is "message" or "signal" or "error" or "escalation" || InertDefinitions.Contains(local)) continue;
            if (local != "process")
            {
                Problem((string?)e.Attribute("id"), Line(e), $"unsupported element '{local}'");
                continue;
            }
            var process = ReadProcess(e);
            if (process is null || processes.ContainsKey(process.Id)) continue;
            processes[process.Id] = process;
            order.Add(process.Id);
        }
        if (processes.Count == 0 && _problems.Count == 0) Problem(null, Line(root), "the document holds no process");
        return new BpmnDefinitions(processes.ToFrozenDictionary(StringComparer.Ordinal), [.. order],
            _messages.ToFrozenDictionary(StringComparer.Ordinal), _signals.ToFrozenDictionary(StringComparer.Ordinal),
            _errors.ToFrozenDictionary(StringComparer.Ordinal), _options);
    }

    private void CheckDuplicateIds(XElement root)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in root.DescendantsAndSelf())
        {
            if (e.Name.Namespace != Bpmn || (string?)e.Attribute("id") is not { } id) continue;
            if (!seen.Add(id)) Problem(id, Line(e), $"the id '{id}' is used more than once");
        }
    }

    private ProcessDefinition? ReadProcess(XElement e)
    {
        var id = RequireId(e);
        if (id is null) return null;
        _nodes = new Dictionary<string, FlowNode>(StringComparer.Ordinal);
        _scopes = new Dictionary<string, ScopeDefinition>(StringComparer.Ordinal);
        _rawFlows = [];
        var executable = !string.Equals((string?)e.Attribute("isExecutable"), "false", StringComparison.OrdinalIgnoreCase);
        ReadScope(e, id, ScopeRole.Process);
        ResolveLinks();
        var flows = new Dictionary<string, SequenceFlow>(StringComparer.Ordinal);
        foreach (var (element, scopeId) in _rawFlows)
        {
            var flow = ReadFlow(element, scopeId);
            if (flow is not null) flows.TryAdd(flow.Id, flow);
        }
        return new ProcessDefinition(id, (string?)e.Attribute("name"), executable, Line(e),
            _nodes.ToFrozenDictionary(StringComparer.Ordinal), flows.ToFrozenDictionary(StringComparer.Ordinal),
            _scopes.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private void ReadScope(XElement container, string scopeId, ScopeRole role)
    {
        var nodeIds = new List<string>();
        foreach (var child in container.Elements())
        {
            if (child.Name.Namespace != Bpmn) continue;
            var local = child.Name.LocalName;
            if (local == "sequenceFlow") { _rawFlows.Add((child, scopeId)); continue; }
            // A sub-process's own loop characteristics are read with the sub-process node, not as its content.
            if (Inert.Contains(local) || local is "multiInstanceLoopCharacteristics" or "standardLoopCharacteristics") continue;
            var node = ReadNode(child, scopeId, role);
            if (node is null || !_nodes.TryAdd(node.Id, node)) continue;
            nodeIds.Add(node.Id);
            if (node.Kind is NodeKind.SubProcess or NodeKind.EventSubProcess)
                ReadScope(child, node.Id, node.Kind == NodeKind.EventSubProcess ? ScopeRole.EventSubProcess : ScopeRole.SubProcess);
        }
        var starts = nodeIds.Select(i => _nodes[i]).Where(n => n.Kind == NodeKind.StartEvent).ToList();
        var noneStart = starts.FirstOrDefault(n => n.Event.Kind == EventKind.None)?.Id;
        var eventStarts = nodeIds.Select(i => _nodes[i]).Where(n => n.Kind == NodeKind.EventSubProcess)
            .SelectMany(esp => _scopes.TryGetValue(esp.Id, out var s) ? s.NodeIds.Select(i => _nodes[i]).Where(n => n.Kind == NodeKind.StartEvent) : [])
            .Select(n => n.Id);
        _scopes[scopeId] = new ScopeDefinition(scopeId, [.. nodeIds], noneStart, [.. eventStarts]);
    }

    private SequenceFlow? ReadFlow(XElement e, string scopeId)
    {
        var id = RequireId(e);
        if (id is null) return null;
        var line = Line(e);
        var source = (string?)e.Attribute("sourceRef");
        var target = (string?)e.Attribute("targetRef");
        var ok = true;
        foreach (var (end, role) in new[] { (source, "sourceRef"), (target, "targetRef") })
        {
            if (end is null) { Problem(id, line, $"the sequence flow has no {role}"); ok = false; }
            else if (!_nodes.TryGetValue(end, out var node)) { Problem(id, line, $"the sequence flow's {role} '{end}' is not a flow node of this process"); ok = false; }
            else if (node.ScopeId != scopeId) { Problem(id, line, $"the sequence flow's {role} '{end}' lies in another (sub-)process"); ok = false; }
        }
        Wuyi.Expressions.Expression? condition = null;
        if (e.Element(Bpmn + "conditionExpression") is { } c)
        {
            var language = (string?)c.Attribute("language");
            if (language is not null && !IsExpressionLanguage(language))
                Problem(id, Line(c), $"condition language '{language}' is not supported: only the sandboxed expression language runs");
            else if (!string.IsNullOrWhiteSpace(c.Value)) condition = Expr(c.Value.Trim(), id, Line(c), "condition");
        }
        return ok ? new SequenceFlow(id, source!, target!, condition, line) { Listeners = ReadFlowListeners(e, id) } : null;
    }

    private void ResolveLinks()
    {
        foreach (var node in _nodes.Values.ToList())
        {
            if (node.Kind != NodeKind.IntermediateThrowEvent || node.Event.Kind != EventKind.Link) continue;
            var target = _nodes.Values.FirstOrDefault(n => n.Kind == NodeKind.IntermediateCatchEvent
                && n.Event.Kind == EventKind.Link && n.Event.Name == node.Event.Name && n.ScopeId == node.ScopeId);
            if (target is null) Problem(node.Id, node.Line, $"no link catch event named '{node.Event.Name}' in the same (sub-)process");
            else _nodes[node.Id] = node with { LinkTargetId = target.Id };
        }
    }

    private static bool IsExpressionLanguage(string language) =>
        language.Trim().ToLowerInvariant() is "juel" or "el" or "expression" or "javax.el" or "${}" or "";

    private void Problem(string? elementId, int? line, string message) => _problems.Add(new ModelProblem(elementId, line, message));

    private static int? Line(XObject e) => e is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : null;

    private string? RequireId(XElement e)
    {
        var id = (string?)e.Attribute("id");
        if (string.IsNullOrWhiteSpace(id))
        {
            Problem(null, Line(e), $"a '{e.Name.LocalName}' element has no id");
            return null;
        }
        return id;
    }

    private enum ScopeRole
    {
        Process,
        SubProcess,
        EventSubProcess,
    }
}
