using Wuyi.Engine.Model;
using Wuyi.Engine.State;
using Wuyi.Engine.Tests.Support;
using static Wuyi.Engine.Tests.Support.Bpmn;

namespace Wuyi.Engine.Tests.Execution;

public class ListenerTests
{
    private static string Listener(string kind, string @event, string expression) =>
        $"""<extensionElements><camunda:{kind} event="{@event}" expression="{System.Security.SecurityElement.Escape(expression)}"/></extensionElements>""";

    [Fact]
    public void Start_ExecutionListenersSettingVariables_RunAtStartEndAndTake()
    {
        var h = EngineHarness.Start(Process($"""
            <startEvent id="start">{Listener("executionListener", "end", "${execution.setVariable('opened', true)}")}</startEvent>
            <task id="t">{Listener("executionListener", "start", "${execution.setVariable('count', count + 1)}")}</task>
            <sequenceFlow id="f1" sourceRef="start" targetRef="t"/>
            <sequenceFlow id="f2" sourceRef="t" targetRef="u">{Listener("executionListener", "take", "${execution.setVariable(\"path\", 'f2')}")}</sequenceFlow>
            <userTask id="u"/>
            """), EngineHarness.Vars(("count", 1)));

        var variables = h.State.Variables;
        Assert.Equal(true, variables["opened"]);
        Assert.Equal(2L, Convert.ToInt64(variables["count"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("f2", variables["path"]);
    }

    [Fact]
    public void Complete_TaskListenerOnComplete_SeesTheCompletionVariables()
    {
        var h = EngineHarness.Start(Process($"""
            <startEvent id="start"/>
            <userTask id="u">{Listener("taskListener", "complete", "${execution.setVariable('verdict', approved ? 'yes' : 'no')}")}</userTask>
            <userTask id="next"/>
            """ + Chain("start", "u", "next")));

        h.Complete("u", EngineHarness.Vars(("approved", true)));

        Assert.Equal("yes", h.State.Variables["verdict"]);
    }

    [Fact]
    public void Start_ListenerExpressionThatFails_IsAnIncidentAtTheElement()
    {
        var h = EngineHarness.Start(Process($"""
            <startEvent id="start"/>
            <task id="t">{Listener("executionListener", "start", "${missing.size()}")}</task>
            <userTask id="u"/>
            """ + Chain("start", "t", "u")));

        Assert.Equal(InstanceStatus.Failed, h.State.Status);
        var incident = Assert.Single(h.State.Incidents);
        Assert.Equal("t", incident.ElementId);
        Assert.Contains("listener", incident.Message);
    }

    [Theory]
    [InlineData("""<camunda:executionListener event="start" class="org.example.Audit"/>""", "class or delegateExpression")]
    [InlineData("""<camunda:executionListener event="start" delegateExpression="${audit}"/>""", "class or delegateExpression")]
    [InlineData("""<camunda:executionListener event="start"><camunda:script scriptFormat="groovy">x</camunda:script></camunda:executionListener>""", "script")]
    [InlineData("""<camunda:taskListener event="assignment" expression="${x}"/>""", "assignment")]
    public void Parse_ListenerTheEngineCannotRun_IsRefusedWithTheReason(string listener, string reason)
    {
        var outcome = BpmnDefinitions.Parse(Process($"""
            <startEvent id="s"/>
            <userTask id="u"><extensionElements>{listener}</extensionElements></userTask>
            """ + Chain("s", "u")));

        var problem = Assert.Single(outcome.Problems);
        Assert.Equal("u", problem.ElementId);
        Assert.Contains(reason, problem.Message);
    }
}
