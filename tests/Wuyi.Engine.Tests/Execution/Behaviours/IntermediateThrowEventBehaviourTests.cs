using Wuyi.Engine.Commands;
using Wuyi.Engine.State;
using Wuyi.Engine.Tests.Support;
using static Wuyi.Engine.Tests.Support.Bpmn;

namespace Wuyi.Engine.Tests.Execution.Behaviours;

public class IntermediateThrowEventBehaviourTests
{
    [Fact]
    public void Enter_SignalThrow_BroadcastsAndContinues()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <intermediateThrowEvent id="t"><signalEventDefinition signalRef="s"/></intermediateThrowEvent>
            <userTask id="next"/>
            """ + Chain("start", "t", "next"), extra: """<signal id="s" name="Delisted"/>"""));

        Assert.Equal("Delisted", Assert.Single(h.Commands.OfType<BroadcastSignal>()).SignalName);
        Assert.Equal(["next"], h.Active);
    }

    [Fact]
    public void Enter_MessageThrow_SendsWithBusinessKey()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <intermediateThrowEvent id="t"><messageEventDefinition messageRef="m"/></intermediateThrowEvent>
            <userTask id="next"/>
            """ + Chain("start", "t", "next"), extra: """<message id="m" name="Certified"/>"""), businessKey: "A1");

        var thrown = Assert.Single(h.Commands.OfType<ThrowMessage>());
        Assert.Equal(("Certified", "A1"), (thrown.MessageName, thrown.CorrelationKey));
    }

    [Fact]
    public void Enter_MessageThrowWithHandler_InvokesServiceAndWaits()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <intermediateThrowEvent id="t"><messageEventDefinition messageRef="m" camunda:type="external" camunda:topic="notify"/></intermediateThrowEvent>
            <userTask id="next"/>
            """ + Chain("start", "t", "next"), extra: """<message id="m" name="Certified"/>""").Replace("""<messageEventDefinition messageRef="m" camunda:type="external" camunda:topic="notify"/></intermediateThrowEvent>""", """<messageEventDefinition messageRef="m"/></intermediateThrowEvent>""").Replace("""<intermediateThrowEvent id="t">""", """<intermediateThrowEvent id="t" camunda:type="external" camunda:topic="notify">"""));

        Assert.Equal("notify", Assert.Single(h.Commands.OfType<InvokeService>()).HandlerName);
        h.CompleteService("t");
        Assert.Equal(["next"], h.Active);
    }

    [Fact]
    public void Enter_LinkThrow_JumpsToLinkCatch()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <intermediateThrowEvent id="goTo"><linkEventDefinition name="L"/></intermediateThrowEvent>
            <intermediateCatchEvent id="arrive"><linkEventDefinition name="L"/></intermediateCatchEvent>
            <userTask id="next"/>
            """ + Flow("f1", "start", "goTo") + Flow("f2", "arrive", "next")));

        Assert.Equal(["next"], h.Active);
        Assert.Equal(["start", "goTo", "arrive", "next"], h.Started);
    }

    [Fact]
    public void Enter_NoneThrow_PassesThrough()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <intermediateThrowEvent id="milestone"/>
            <endEvent id="end"/>
            """ + Chain("start", "milestone", "end")));

        Assert.Equal(InstanceStatus.Completed, h.State.Status);
    }

    [Fact]
    public void Enter_EscalationThrowCaughtNonInterrupting_BothPathsContinue()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <subProcess id="sub">
              <startEvent id="s1"/>
              <intermediateThrowEvent id="esc"><escalationEventDefinition escalationRef="x"/></intermediateThrowEvent>
              <userTask id="inner"/>
              <sequenceFlow id="i1" sourceRef="s1" targetRef="esc"/>
              <sequenceFlow id="i2" sourceRef="esc" targetRef="inner"/>
            </subProcess>
            <boundaryEvent id="onEsc" attachedToRef="sub" cancelActivity="false"><escalationEventDefinition escalationRef="x"/></boundaryEvent>
            <userTask id="notified"/>
            """ + Chain("start", "sub") + Flow("fe", "onEsc", "notified"), extra: """<escalation id="x" escalationCode="LATE"/>"""));

        Assert.Equal(["inner", "notified", "sub"], h.Active);
    }

    [Fact]
    public void Enter_EscalationUncaught_ChangesNothing()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <intermediateThrowEvent id="esc"><escalationEventDefinition escalationRef="x"/></intermediateThrowEvent>
            <userTask id="next"/>
            """ + Chain("start", "esc", "next"), extra: """<escalation id="x" escalationCode="LATE"/>"""));

        Assert.Equal(["next"], h.Active);
        Assert.Equal(InstanceStatus.Waiting, h.State.Status);
    }
}
