namespace Wuyi.Engine.Tests.Support;

/// <summary>Builds small BPMN documents for tests: the body is the content of one executable process.</summary>
internal static class Bpmn
{
    public const string Header = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                     xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                     xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                     id="defs" targetNamespace="http://wuyi.test">
        """;

    public static string Process(string body, string id = "p", string extra = "") =>
        $"{Header}\n{extra}\n<process id=\"{id}\" isExecutable=\"true\">\n{body}\n</process>\n</definitions>";

    public static string Definitions(string content) => $"{Header}\n{content}\n</definitions>";

    /// <summary>A sequence flow, with an optional condition.</summary>
    public static string Flow(string id, string source, string target, string? condition = null) => condition is null
        ? $"<sequenceFlow id=\"{id}\" sourceRef=\"{source}\" targetRef=\"{target}\"/>"
        : $"<sequenceFlow id=\"{id}\" sourceRef=\"{source}\" targetRef=\"{target}\"><conditionExpression xsi:type=\"tFormalExpression\">{System.Security.SecurityElement.Escape(condition)}</conditionExpression></sequenceFlow>";

    /// <summary>Flows chaining the given node ids in order, named f1, f2…, or with a prefix.</summary>
    public static string Chain(params string[] ids) => ChainNamed("f", ids);

    public static string ChainNamed(string prefix, params string[] ids) =>
        string.Join("\n", ids.Zip(ids.Skip(1)).Select((p, i) => Flow($"{prefix}{i + 1}", p.First, p.Second)));
}
