using Wuyi.Engine.Commands;
using Wuyi.Engine.State;
using Wuyi.Engine.Tests.Support;
using static Wuyi.Engine.Tests.Support.Bpmn;

namespace Wuyi.Engine.Tests.Execution.Behaviours;

public class EventSubProcessBehaviourTests
{
    private static string WithEventSubProcess(string start, string extra = "") => Process($"""
        <startEvent id="start"/>
        <userTask id="main"/>
        <endEvent id="end"/>
        <subProcess id="esp" triggeredByEvent="true">
          {start}
          <userTask id="handle"/>
          <endEvent id="espEnd"/>
          <sequenceFlow id="e1" sourceRef="espStart" targetRef="handle"/>
          <sequenceFlow id="e2" sourceRef="handle" targetRef="espEnd"/>
        </subProcess>
        """ + Chain("start", "main", "end"), extra: extra);

    [Fact]
    public void MessageReceived_InterruptingMessageStart_CancelsMainPath()
    {
        var h = EngineHarness.Start(WithEventSubProcess(
            """<startEvent id="espStart"><messageEventDefinition messageRef="m"/></startEvent>""", """<message id="m" name="Delist"/>"""));

        Assert.Equal("Delist", Assert.Single(h.Commands.OfType<SubscribeMessage>()).MessageName);
        h.Message("espStart");

        Assert.Equal(["esp", "handle"], h.Active);
        Assert.Equal(["main"], h.Trace("activity-cancelled"));
        h.Complete("handle");
        Assert.Equal(InstanceStatus.Completed, h.State.Status);
    }

    [Fact]
    public void MessageReceived_NonInterruptingMessageStart_RunsBesideMainAndCanRepeat()
    {
        var h = EngineHarness.Start(WithEventSubProcess(
            """<startEvent id="espStart" isInterrupting="false"><messageEventDefinition messageRef="m"/></startEvent>""",
            """<message id="m" name="CloseContactReported"/>"""));

        h.Message("espStart");
        h.Message("espStart");

        Assert.Equal(["esp", "handle", "main"], h.Active);
        Assert.Equal(2, h.State.Tokens.Count(t => t.ElementId == "handle"));
    }

    [Fact]
    public void TimerFired_NonInterruptingCycleStart_StartsEachTime()
    {
        var h = EngineHarness.Start(WithEventSubProcess(
            """<startEvent id="espStart" isInterrupting="false"><timerEventDefinition><timeCycle>R2/P1D</timeCycle></timerEventDefinition></startEvent>"""));

        h.FireTimer("espStart");
        h.FireTimer("espStart");

        Assert.Equal(2, h.State.Tokens.Count(t => t.ElementId == "handle"));
        Assert.DoesNotContain(h.State.Waits, w => w.Kind == WaitKind.Timer);
    }

    [Fact]
    public void SignalReceived_InterruptingSignalStart_Interrupts()
    {
        var h = EngineHarness.Start(WithEventSubProcess(
            """<startEvent id="espStart"><signalEventDefinition signalRef="s"/></startEvent>""", """<signal id="s" name="Alert"/>"""));

        h.Signal("Alert");

        Assert.Equal(["esp", "handle"], h.Active);
    }

    [Fact]
    public void ServiceFailed_ErrorStart_CatchesErrorOfItsScope()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <serviceTask id="publish" camunda:type="external" camunda:topic="publish-result"/>
            <endEvent id="end"/>
            <subProcess id="esp" triggeredByEvent="true">
              <startEvent id="espStart"><errorEventDefinition errorRef="e"/></startEvent>
              <userTask id="handle"/>
              <sequenceFlow id="e1" sourceRef="espStart" targetRef="handle"/>
            </subProcess>
            """ + Chain("start", "publish", "end"), extra: """<error id="e" errorCode="SMTP_DOWN"/>"""));

        h.FailService("publish", "SMTP_DOWN");

        Assert.Equal(["esp", "handle"], h.Active);
        Assert.Equal(["publish"], h.Trace("activity-cancelled"));
    }

    [Fact]
    public void Complete_MainPathEnds_EventSubProcessSubscriptionsAreCancelled()
    {
        var h = EngineHarness.Start(WithEventSubProcess(
            """<startEvent id="espStart" isInterrupting="false"><messageEventDefinition messageRef="m"/></startEvent>""", """<message id="m" name="X"/>"""));

        h.Complete("main");

        Assert.Equal(InstanceStatus.Completed, h.State.Status);
        Assert.Contains(h.Last.Commands, c => c is CancelSubscription);
        Assert.Empty(h.State.Waits);
    }

    [Fact]
    public void MessageReceived_EventSubProcessInsideSubProcess_InterruptsOnlyThatSubProcess()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <parallelGateway id="fork"/>
            <userTask id="outside"/>
            <subProcess id="sub">
              <startEvent id="s1"/>
              <userTask id="inner"/>
              <sequenceFlow id="i1" sourceRef="s1" targetRef="inner"/>
              <subProcess id="esp" triggeredByEvent="true">
                <startEvent id="espStart"><messageEventDefinition messageRef="m"/></startEvent>
                <endEvent id="espEnd"/>
                <sequenceFlow id="e1" sourceRef="espStart" targetRef="espEnd"/>
              </subProcess>
            </subProcess>
            <userTask id="after"/>
            """ + Flow("f0", "start", "fork") + Flow("fo", "fork", "outside") + Flow("fs", "fork", "sub") + Flow("fa", "sub", "after"),
            extra: """<message id="m" name="Stop"/>"""));

        h.Message("espStart");

        Assert.Equal(["after", "outside"], h.Active);
        Assert.Equal(["inner"], h.Trace("activity-cancelled"));
    }

    [Fact]
    public void Enter_EscalationEndCaughtByNonInterruptingEventSubProcess_BothContinue()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <parallelGateway id="fork"/>
            <userTask id="main"/>
            <endEvent id="escalate"><escalationEventDefinition escalationRef="x"/></endEvent>
            <subProcess id="esp" triggeredByEvent="true">
              <startEvent id="espStart" isInterrupting="false"><escalationEventDefinition escalationRef="x"/></startEvent>
              <userTask id="notify"/>
              <sequenceFlow id="e1" sourceRef="espStart" targetRef="notify"/>
            </subProcess>
            """ + Flow("f0", "start", "fork") + Flow("f1", "fork", "main") + Flow("f2", "fork", "escalate"),
            extra: """<escalation id="x" escalationCode="LATE"/>"""));

        Assert.Equal(["esp", "main", "notify"], h.Active);
    }
}
