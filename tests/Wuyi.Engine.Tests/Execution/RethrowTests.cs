using Wuyi.Engine.Commands;
using Wuyi.Engine.State;
using Wuyi.Engine.Tests.Support;
using static Wuyi.Engine.Tests.Support.Bpmn;

namespace Wuyi.Engine.Tests.Execution;

/// <summary>A handler that throws again what it caught hands it outwards instead of catching itself.</summary>
public class RethrowTests
{
    private const string Error = """<error id="e" errorCode="BAD"/><escalation id="x" escalationCode="LATE"/>""";

    [Fact]
    public void Enter_InterruptingEventSubProcessRethrowsError_ReachesEnclosingBoundary()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <subProcess id="sub">
              <startEvent id="ss"/>
              <endEvent id="fail"><errorEventDefinition errorRef="e"/></endEvent>
              <sequenceFlow id="s1" sourceRef="ss" targetRef="fail"/>
              <subProcess id="esp" triggeredByEvent="true">
                <startEvent id="espStart"><errorEventDefinition errorRef="e"/></startEvent>
                <endEvent id="rethrow"><errorEventDefinition errorRef="e"/></endEvent>
                <sequenceFlow id="e1" sourceRef="espStart" targetRef="rethrow"/>
              </subProcess>
            </subProcess>
            <boundaryEvent id="caught" attachedToRef="sub"><errorEventDefinition errorRef="e"/></boundaryEvent>
            <userTask id="recover"/>
            <userTask id="normal"/>
            """ + Flow("f0", "start", "sub") + Flow("f1", "sub", "normal") + Flow("f2", "caught", "recover"), extra: Error));

        Assert.Equal(["recover"], h.Active);
        Assert.Single(h.Started, e => e == "esp");
        Assert.Empty(h.Commands.OfType<RaiseIncident>());
    }

    [Fact]
    public void Enter_ProcessEventSubProcessRethrowsError_EndsWithoutLooping()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <endEvent id="fail"><errorEventDefinition errorRef="e"/></endEvent>
            <subProcess id="esp" triggeredByEvent="true">
              <startEvent id="espStart"><errorEventDefinition errorRef="e"/></startEvent>
              <endEvent id="rethrow"><errorEventDefinition errorRef="e"/></endEvent>
              <sequenceFlow id="e1" sourceRef="espStart" targetRef="rethrow"/>
            </subProcess>
            """ + Chain("start", "fail"), extra: Error));

        Assert.Equal(InstanceStatus.Completed, h.State.Status);
        Assert.Single(h.Started, e => e == "esp");
    }

    [Fact]
    public void Enter_CalledChildEventSubProcessRethrowsError_ReportsItToTheParent()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <endEvent id="fail"><errorEventDefinition errorRef="e"/></endEvent>
            <subProcess id="esp" triggeredByEvent="true">
              <startEvent id="espStart"><errorEventDefinition errorRef="e"/></startEvent>
              <endEvent id="rethrow"><errorEventDefinition errorRef="e"/></endEvent>
              <sequenceFlow id="e1" sourceRef="espStart" targetRef="rethrow"/>
            </subProcess>
            """ + Chain("start", "fail"), extra: Error), parent: new ParentLink("p1", "p1/w1"));

        var report = Assert.Single(h.Commands.OfType<ReportToParent>());
        Assert.Equal((ChildOutcome.Failed, "BAD"), (report.Outcome, report.ErrorCode));
    }

    [Fact]
    public void Enter_NonInterruptingEscalationHandlerRethrows_ReachesEnclosingBoundary()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <subProcess id="sub">
              <startEvent id="ss"/>
              <intermediateThrowEvent id="late"><escalationEventDefinition escalationRef="x"/></intermediateThrowEvent>
              <userTask id="goOn"/>
              <sequenceFlow id="s1" sourceRef="ss" targetRef="late"/>
              <sequenceFlow id="s2" sourceRef="late" targetRef="goOn"/>
              <subProcess id="esp" triggeredByEvent="true">
                <startEvent id="espStart" isInterrupting="false"><escalationEventDefinition escalationRef="x"/></startEvent>
                <endEvent id="again"><escalationEventDefinition escalationRef="x"/></endEvent>
                <sequenceFlow id="e1" sourceRef="espStart" targetRef="again"/>
              </subProcess>
            </subProcess>
            <boundaryEvent id="told" attachedToRef="sub" cancelActivity="false"><escalationEventDefinition escalationRef="x"/></boundaryEvent>
            <userTask id="inform"/>
            <endEvent id="end"/>
            """ + Flow("f0", "start", "sub") + Flow("f1", "sub", "end") + Flow("f2", "told", "inform"), extra: Error));

        Assert.Equal(["goOn", "inform", "sub"], h.Active);
        Assert.Single(h.Started, e => e == "esp");
        Assert.Single(h.Started, e => e == "told");
    }
}
