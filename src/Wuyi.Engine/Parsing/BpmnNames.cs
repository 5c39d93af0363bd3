using System.Xml.Linq;

namespace Wuyi.Engine.Parsing;

/// <summary>The XML namespaces and element names the reader knows.</summary>
internal static class BpmnNames
{
    public static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    public static readonly XNamespace Camunda = "http://camunda.org/schema/1.0/bpmn";
    public static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>Elements inside a process that carry no execution semantics and are skipped.</summary>
    public static readonly HashSet<string> Inert = new(StringComparer.Ordinal)
    {
        "documentation", "extensionElements", "laneSet", "textAnnotation", "association", "dataObject",
        "dataObjectReference", "dataStoreReference", "group", "category", "property", "ioSpecification",
        "incoming", "outgoing", "dataInputAssociation", "dataOutputAssociation", "auditing", "monitoring",
    };

    /// <summary>Definitions-level elements that do not affect execution.</summary>
    public static readonly HashSet<string> InertDefinitions = new(StringComparer.Ordinal)
    {
        "documentation", "extensionElements", "collaboration", "itemDefinition", "dataStore", "category",
        "interface", "resource", "import",
    };
}
