using System.Text.RegularExpressions;
using System.Xml.Linq;
using Wuyi.Engine.Model;
using static Wuyi.Certification.Tests.Workflows.WorkflowFiles;

namespace Wuyi.Certification.Tests.Workflows;

/// <summary>The shipped models parse on our engine and stay fit for Camunda Modeler, bpmn-js and the domain layer.</summary>
public sealed partial class WorkflowModelTests
{
    public static TheoryData<string> Processes => [.. ProcessIds];

    [Theory]
    [MemberData(nameof(Processes))]
    public void Parse_ShippedModel_NoProblemsAndProcessNamedAfterFile(string processId)
    {
        var outcome = BpmnDefinitions.Parse(ReadModel(processId));

        Assert.True(outcome.Success, string.Join("\n", outcome.Problems));
        var process = Assert.Single(outcome.Definitions!.ExecutableProcesses);
        Assert.Equal(processId, process.Id);
    }

    [Theory]
    [MemberData(nameof(Processes))]
    public void Diagram_ShippedModel_EveryFlowElementIsDrawn(string processId)
    {
        // Without a shape or an edge, bpmn-js and Camunda Modeler silently leave the element out of the picture.
        var doc = XDocument.Load(ModelPath(processId));
        var drawn = doc.Descendants().Where(e => e.Name == BpmnDi + "BPMNShape" || e.Name == BpmnDi + "BPMNEdge")
            .Select(e => (string)e.Attribute("bpmnElement")!).ToHashSet(StringComparer.Ordinal);

        var undrawn = FlowElements(doc).Select(e => (string)e.Attribute("id")!).Where(id => !drawn.Contains(id)).ToList();

        Assert.Empty(undrawn);
    }

    [Theory]
    [MemberData(nameof(Processes))]
    public void ServiceTasks_ShippedModel_AreExternalTasksWithTopic(string processId)
    {
        // camunda:type="external" + topic is the one implementation form Camunda 7 and our engine both run.
        var tasks = XDocument.Load(ModelPath(processId)).Descendants(Bpmn + "serviceTask").ToList();

        Assert.All(tasks, t =>
        {
            Assert.Equal("external", (string?)t.Attribute(Camunda + "type"));
            Assert.False(string.IsNullOrWhiteSpace((string?)t.Attribute(Camunda + "topic")), (string?)t.Attribute("id"));
        });
    }

    [Theory]
    [MemberData(nameof(Processes))]
    public void UserTasks_ShippedModel_HaveRegionalCandidateGroupFormKeyAndDueDate(string processId)
    {
        var tasks = XDocument.Load(ModelPath(processId)).Descendants(Bpmn + "userTask").ToList();

        Assert.NotEmpty(tasks);
        Assert.All(tasks, t =>
        {
            var id = (string?)t.Attribute("id");
            // Groups are role:regionCode, so an official sees only the tasks of their own jurisdiction.
            var groups = ((string?)t.Attribute(Camunda + "candidateGroups") ?? "").Split(',');
            Assert.All(groups, g => Assert.Matches(RegionalGroup(), g));
            // camunda:formRef (a Camunda Form) or camunda:formKey, and the form is shipped: workflows/forms/{form}.form.
            var form = (string?)t.Attribute(Camunda + "formRef") ?? (string?)t.Attribute(Camunda + "formKey");
            Assert.False(string.IsNullOrWhiteSpace(form), id);
            Assert.True(File.Exists(Path.Combine(ModelsDirectory, "forms", form + ".form")), $"{id}: workflows/forms/{form}.form");
            Assert.False(string.IsNullOrWhiteSpace((string?)t.Attribute(Camunda + "dueDate")), id);
        });
    }

    [Fact]
    public void Readme_ShippedModels_DocumentEveryMessageTopicErrorAndFormKey()
    {
        // The domain layer is written against workflows/README.md: a name the models use and it omits is a bug.
        var readme = File.ReadAllText(Path.Combine(ModelsDirectory, "README.md"));
        var names = ProcessIds.Select(ModelPath).Select(XDocument.Load).SelectMany(doc =>
            doc.Descendants(Bpmn + "message").Select(m => (string)m.Attribute("name")!)
                .Concat(doc.Descendants(Bpmn + "error").Select(e => (string)e.Attribute("errorCode")!))
                .Concat(doc.Descendants().Select(e => (string?)e.Attribute(Camunda + "topic")).OfType<string>())
                .Concat(doc.Descendants().Select(e => (string?)e.Attribute(Camunda + "formKey") ?? (string?)e.Attribute(Camunda + "formRef")).OfType<string>()))
            .Distinct().ToList();

        var missing = names.Where(n => !readme.Contains($"`{n}`", StringComparison.Ordinal)).ToList();

        Assert.Empty(missing);
    }

    internal static IEnumerable<XElement> FlowElements(XDocument doc) =>
        doc.Descendants().Where(e => e.Name.Namespace == Bpmn && e.Attribute("id") is not null
            && e.Ancestors(Bpmn + "process").Any() && !NonFlowElements.Contains(e.Name.LocalName));

    private static readonly HashSet<string> NonFlowElements = new(StringComparer.Ordinal)
    {
        "messageEventDefinition", "timerEventDefinition", "errorEventDefinition", "signalEventDefinition",
        "terminateEventDefinition", "conditionExpression", "documentation",
    };

    [GeneratedRegex(@"^[a-z-]+:\$\{[a-zA-Z]+Code\}$")]
    private static partial Regex RegionalGroup();
}
