using Wuyi.Engine.Commands;
using Wuyi.Engine.State;
using Wuyi.Engine.Stimuli;
using Wuyi.Engine.Tests.Support;
using static Wuyi.Engine.Tests.Support.Bpmn;

namespace Wuyi.Engine.Tests.Execution.Behaviours;

public class CallActivityBehaviourTests
{
    private static readonly string Model = Process("""
        <startEvent id="start"/>
        <callActivity id="inspect" calledElement="spotCheck">
          <extensionElements>
            <camunda:in source="areaCode" target="area"/>
            <camunda:in businessKey="inspection-1"/>
            <camunda:out source="passed" target="inspectionPassed"/>
          </extensionElements>
        </callActivity>
        <boundaryEvent id="failed" attachedToRef="inspect"><errorEventDefinition errorRef="e"/></boundaryEvent>
        <userTask id="after"/>
        <userTask id="rectify"/>
        """ + Chain("start", "inspect", "after") + Flow("fr", "failed", "rectify"), extra: """<error id="e" errorCode="FAILED"/>""");

    [Fact]
    public void Enter_CallActivity_StartsChildWithMappedVariables()
    {
        var h = EngineHarness.Start(Model, EngineHarness.Vars(("areaCode", "A1"), ("secret", 1)));

        var start = Assert.Single(h.Commands.OfType<StartChild>());
        Assert.Equal(("spotCheck", "i1.1", "inspection-1"), (start.CalledElement, start.ChildInstanceId, start.BusinessKey));
        Assert.Equal(["area"], start.Variables.Keys);
        Assert.Equal("A1", start.Variables["area"]);
        var started = Assert.Single(h.Events, e => e.Type == "child-started");
        Assert.Equal("i1.1", started.Child);
        Assert.Equal(WaitKind.Child, h.Wait("inspect").Kind);
    }

    [Fact]
    public void ChildCompleted_OutMapping_CopiesOnlyMappedVariables()
    {
        var h = EngineHarness.Start(Model, EngineHarness.Vars(("areaCode", "A1")));

        h.Step(new ChildCompleted(h.Wait("inspect").WaitId, EngineHarness.Vars(("passed", true), ("internal", 9))));

        Assert.Equal(["after"], h.Active);
        Assert.Equal(true, h.State.Variables["inspectionPassed"]);
        Assert.False(h.State.Variables.ContainsKey("internal"));
    }

    [Fact]
    public void ChildFailed_ErrorBoundary_Catches()
    {
        var h = EngineHarness.Start(Model, EngineHarness.Vars(("areaCode", "A1")));

        h.Step(new ChildFailed(h.Wait("inspect").WaitId, "FAILED"));

        Assert.Equal(["rectify"], h.Active);
    }

    [Fact]
    public void Cancel_Parent_CancelsChild()
    {
        var h = EngineHarness.Start(Model, EngineHarness.Vars(("areaCode", "A1")));

        h.Step(new Cancel());

        Assert.Equal("i1.1", Assert.Single(h.Last.Commands.OfType<CancelChild>()).ChildInstanceId);
    }

    [Fact]
    public void ChildTerminated_RaisesIncident()
    {
        var h = EngineHarness.Start(Model, EngineHarness.Vars(("areaCode", "A1")));

        h.Step(new ChildTerminated(h.Wait("inspect").WaitId, "operator"));

        Assert.Equal(InstanceStatus.Failed, h.State.Status);
    }

    [Fact]
    public void Enter_AllVariablesInAndOut_CopiesEverything()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <callActivity id="c" calledElement="child">
              <extensionElements><camunda:in variables="all"/><camunda:out variables="all"/></extensionElements>
            </callActivity>
            <userTask id="after"/>
            """ + Chain("start", "c", "after")), EngineHarness.Vars(("a", 1), ("b", "x")));

        Assert.Equal(["a", "b"], Assert.Single(h.Commands.OfType<StartChild>()).Variables.Keys);
        h.Step(new ChildCompleted(h.Wait("c").WaitId, EngineHarness.Vars(("a", 2), ("c", true))));
        Assert.Equal(2L, h.State.Variables["a"]);
        Assert.Equal(true, h.State.Variables["c"]);
    }

    [Fact]
    public void Complete_ChildInstance_ReportsToParentWithVariables()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <userTask id="t"/>
            <endEvent id="end"/>
            """ + Chain("start", "t", "end")), parent: new ParentLink("i0", "i0/w1"));

        h.Complete("t", EngineHarness.Vars(("passed", true)));

        var report = Assert.Single(h.Commands.OfType<ReportToParent>());
        Assert.Equal(("i0", "i0/w1", ChildOutcome.Completed), (report.ParentInstanceId, report.ParentWaitId, report.Outcome));
        Assert.Equal(true, report.Variables["passed"]);
    }
}
