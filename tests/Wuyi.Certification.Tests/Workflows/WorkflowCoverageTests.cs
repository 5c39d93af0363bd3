using System.Text.Json;
using System.Xml.Linq;

namespace Wuyi.Certification.Tests.Workflows;

/// <summary>
/// "Every path of the three models is covered by scenarios": all the scenarios together enter every flow node and
/// take every sequence flow of every model. A model change that adds a path without a scenario fails here.
/// </summary>
public sealed class WorkflowCoverageTests
{
    // The trace has no flow-taken events, so a flow counts as taken when its target starts within a few events
    // after its source completed, in the same instance (a parallel split starts its targets one after another).
    private const int FlowWindow = 6;

    private static readonly Lazy<IReadOnlyList<ScenarioRunResult>> Runs =
        new(() => [.. WorkflowFiles.ScenarioNames().Select(ScenarioRunner.Run)]);

    public static TheoryData<string> Processes => [.. WorkflowFiles.ProcessIds];

    [Theory]
    [MemberData(nameof(Processes))]
    public void Scenarios_AllTogether_EnterEveryFlowNode(string processId)
    {
        var doc = XDocument.Load(WorkflowFiles.ModelPath(processId));
        var entered = InstanceTraces(processId).SelectMany(t => t)
            .Where(e => Type(e) == "activity-started").Select(Element).ToHashSet(StringComparer.Ordinal);

        var missed = WorkflowModelTests.FlowElements(doc).Where(e => e.Name.LocalName != "sequenceFlow")
            .Select(e => (string)e.Attribute("id")!).Where(id => !entered.Contains(id)).ToList();

        Assert.Empty(missed);
    }

    [Theory]
    [MemberData(nameof(Processes))]
    public void Scenarios_AllTogether_TakeEverySequenceFlow(string processId)
    {
        var doc = XDocument.Load(WorkflowFiles.ModelPath(processId));
        var traces = InstanceTraces(processId);

        var missed = doc.Descendants(WorkflowFiles.Bpmn + "sequenceFlow")
            .Where(f => !traces.Any(t => Taken(t, (string)f.Attribute("sourceRef")!, (string)f.Attribute("targetRef")!)))
            .Select(f => (string)f.Attribute("id")!).ToList();

        Assert.Empty(missed);
    }

    private static bool Taken(IReadOnlyList<JsonElement> trace, string source, string target)
    {
        for (var i = 0; i < trace.Count; i++)
        {
            if (Type(trace[i]) != "activity-completed" || Element(trace[i]) != source) continue;
            for (var j = i + 1; j < trace.Count && j <= i + FlowWindow; j++)
                if (Type(trace[j]) == "activity-started" && Element(trace[j]) == target) return true;
        }
        return false;
    }

    // Each instance's own events, in order, over every scenario: children included, whichever model started them.
    private static List<IReadOnlyList<JsonElement>> InstanceTraces(string processId) =>
        [.. Runs.Value.SelectMany(run => run.Events
            .Where(e => e.TryGetProperty("process", out var p) && p.GetString() == processId)
            .GroupBy(e => e.GetProperty("instance").GetString())
            .Select(g => (IReadOnlyList<JsonElement>)[.. g]))];

    private static string? Type(JsonElement e) => e.GetProperty("type").GetString();

    private static string? Element(JsonElement e) => e.TryGetProperty("element", out var x) ? x.GetString() : null;
}
