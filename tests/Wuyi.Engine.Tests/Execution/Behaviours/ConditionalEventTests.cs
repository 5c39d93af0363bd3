using Wuyi.Engine.State;
using Wuyi.Engine.Tests.Support;
using static Wuyi.Engine.Tests.Support.Bpmn;

namespace Wuyi.Engine.Tests.Execution.Behaviours;

public class ConditionalEventTests
{
    private static string Condition(string condition, string attributes = "") =>
        $"""<conditionalEventDefinition {attributes}><condition xsi:type="tFormalExpression">{System.Security.SecurityElement.Escape(condition)}</condition></conditionalEventDefinition>""";

    // A user task beside the conditional element: completing it with variables is the change that is watched.
    private static string Beside(string watched, params string[] flows) => Process($"""
        <startEvent id="start"/>
        <parallelGateway id="fork"/>
        <userTask id="edit"/>
        <endEvent id="editEnd"/>
        {watched}
        """ + Flow("f0", "start", "fork") + Flow("fe", "fork", "edit") + Flow("fe2", "edit", "editEnd") + string.Concat(flows));

    [Fact]
    public void Step_IntermediateCatch_WaitsUntilAVariableChangeMakesItTrue()
    {
        var h = EngineHarness.Start(Beside($"""
            <intermediateCatchEvent id="when">{Condition("${score > 5}")}</intermediateCatchEvent>
            <userTask id="after"/>
            """, Flow("fw", "fork", "when"), Flow("fa", "when", "after")), EngineHarness.Vars(("score", 1)));

        Assert.Equal(["edit", "when"], h.Active);
        Assert.DoesNotContain(h.State.Waits, w => w.ElementId == "when");

        h.Complete("edit", EngineHarness.Vars(("score", 9)));

        Assert.Equal(["after"], h.Active);
    }

    [Fact]
    public void Start_IntermediateCatchAlreadyTrue_PassesAtOnce()
    {
        var h = EngineHarness.Start(Process($"""
            <startEvent id="start"/>
            <intermediateCatchEvent id="when">{Condition("${ready}")}</intermediateCatchEvent>
            <userTask id="after"/>
            """ + Chain("start", "when", "after")), EngineHarness.Vars(("ready", true)));

        Assert.Equal(["after"], h.Active);
    }

    [Fact]
    public void Step_InterruptingBoundary_CancelsTheActivity()
    {
        var h = EngineHarness.Start(Process($"""
            <startEvent id="start"/>
            <subProcess id="sub">
              <startEvent id="ss"/>
              <userTask id="setFlag"/>
              <userTask id="work"/>
              <parallelGateway id="fork"/>
              <sequenceFlow id="s1" sourceRef="ss" targetRef="fork"/>
              <sequenceFlow id="s2" sourceRef="fork" targetRef="setFlag"/>
              <sequenceFlow id="s3" sourceRef="fork" targetRef="work"/>
            </subProcess>
            <boundaryEvent id="cancelled" attachedToRef="sub">{Condition("${stop == true}")}</boundaryEvent>
            <userTask id="stopped"/>
            <userTask id="done"/>
            """ + Flow("f0", "start", "sub") + Flow("f1", "sub", "done") + Flow("f2", "cancelled", "stopped")),
            EngineHarness.Vars(("stop", false)));

        h.Complete("setFlag", EngineHarness.Vars(("stop", true)));

        Assert.Equal(["stopped"], h.Active);
        Assert.Contains("work", h.Trace("activity-cancelled"));
    }

    [Fact]
    public void Step_NonInterruptingBoundary_FiresAtEachChangeThatHolds()
    {
        var h = EngineHarness.Start(Process($"""
            <startEvent id="start"/>
            <parallelGateway id="fork"/>
            <userTask id="review"/>
            <boundaryEvent id="note" attachedToRef="review" cancelActivity="false">{Condition("${comments > 0}", "camunda:variableName=\"comments\"")}</boundaryEvent>
            <userTask id="c1"/>
            <userTask id="c2"/>
            <userTask id="c3"/>
            <userTask id="notify"/>
            <endEvent id="end"/>
            """ + Flow("f0", "start", "fork") + Flow("f1", "fork", "review") + Flow("f2", "fork", "c1") + Flow("f3", "fork", "c2")
                + Flow("f4", "fork", "c3") + Flow("f5", "review", "end") + Flow("n1", "note", "notify")),
            EngineHarness.Vars(("comments", 0)));

        h.Complete("c1", EngineHarness.Vars(("comments", 1)));
        h.Complete("c2", EngineHarness.Vars(("other", 1)));
        h.Complete("c3", EngineHarness.Vars(("comments", 2)));

        Assert.Equal(2, h.State.Tokens.Count(t => t.ElementId == "notify"));
        Assert.Contains("review", h.Active);
    }

    [Fact]
    public void Step_EventSubProcessStart_TriggersOnChangeAndInterrupts()
    {
        var h = EngineHarness.Start(Process($"""
            <startEvent id="start"/>
            <parallelGateway id="fork"/>
            <userTask id="main"/>
            <userTask id="edit"/>
            <subProcess id="esp" triggeredByEvent="true">
              <startEvent id="espStart">{Condition("${status == 'revoked'}")}</startEvent>
              <userTask id="revoke"/>
              <sequenceFlow id="e1" sourceRef="espStart" targetRef="revoke"/>
            </subProcess>
            """ + Flow("f0", "start", "fork") + Flow("f1", "fork", "main") + Flow("f2", "fork", "edit")),
            EngineHarness.Vars(("status", "active")));

        h.Complete("edit", EngineHarness.Vars(("status", "revoked")));

        Assert.Equal(["esp", "revoke"], h.Active);
        Assert.Contains("main", h.Trace("activity-cancelled"));
    }

    [Theory]
    [InlineData("camunda:variableName=\"other\"", false)]
    [InlineData("camunda:variableName=\"score\"", true)]
    [InlineData("camunda:variableEvents=\"create\"", false)]
    [InlineData("camunda:variableEvents=\"update\"", true)]
    [InlineData("camunda:variableEvents=\"create, update\"", true)]
    public void Step_VariableFilters_DecideWhetherTheConditionIsEvaluated(string filter, bool fires)
    {
        var h = EngineHarness.Start(Beside($"""
            <intermediateCatchEvent id="when">{Condition("${score > 5}", filter)}</intermediateCatchEvent>
            <userTask id="after"/>
            """, Flow("fw", "fork", "when"), Flow("fa", "when", "after")), EngineHarness.Vars(("score", 1)));

        h.Complete("edit", EngineHarness.Vars(("score", 9)));

        Assert.Equal(fires, h.Active.Contains("after"));
    }

    [Fact]
    public void Step_ConditionThatFails_IsAnIncidentAtTheCatch()
    {
        var h = EngineHarness.Start(Beside($"""
            <intermediateCatchEvent id="when">{Condition("${score}")}</intermediateCatchEvent>
            <userTask id="after"/>
            """, Flow("fw", "fork", "when"), Flow("fa", "when", "after")), EngineHarness.Vars(("score", false)));

        h.Complete("edit", EngineHarness.Vars(("score", "many")));

        Assert.Equal(InstanceStatus.Failed, h.State.Status);
        Assert.Contains("when", Assert.Single(h.State.Incidents).ElementId);
    }

    [Fact]
    public void Serialize_StateWaitingOnACondition_RoundTripsAndStillFires()
    {
        var h = EngineHarness.Start(Beside($"""
            <intermediateCatchEvent id="when">{Condition("${score > 5}")}</intermediateCatchEvent>
            <userTask id="after"/>
            """, Flow("fw", "fork", "when"), Flow("fa", "when", "after")), EngineHarness.Vars(("score", 1)));

        var json = InstanceStateJson.Serialize(h.State);
        var restored = InstanceStateJson.Deserialize(json);
        // Version 2 of the state, unchanged: a conditional wait is one more wait kind (7), role Activity (0).
        Assert.StartsWith("{\"v\":2,", json);
        Assert.Matches("\\[\\d+,7,0,\"when\",\\d+\\]", json);
        Assert.Equal(json, InstanceStateJson.Serialize(restored));

        var step = Wuyi.Engine.Execution.ProcessEngine.Step(h.Definitions, restored,
            new Stimuli.CompleteTask(h.Wait("edit").WaitId, EngineHarness.Vars(("score", 7))), h.Now);
        Assert.Contains("after", step.State.ActiveElementIds);
    }
}
