using Wuyi.Engine.Commands;
using Wuyi.Engine.State;
using Wuyi.Engine.Tests.Support;
using static Wuyi.Engine.Tests.Support.Bpmn;

namespace Wuyi.Engine.Tests.Execution.Behaviours;

/// <summary>A signal is broadcast at the moment of its throw: the throwing instance's own catchers get it in the same step.</summary>
public class SignalInInstanceTests
{
    private const string Signal = """<signal id="alarm" name="Alarm"/>""";

    [Fact]
    public void Enter_SignalEndOfSubProcess_CaughtByItsOwnBoundaryInTheSameStep()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <subProcess id="sub">
              <startEvent id="ss"/>
              <parallelGateway id="fork"/>
              <userTask id="inner"/>
              <endEvent id="raise"><signalEventDefinition signalRef="alarm"/></endEvent>
              <sequenceFlow id="s1" sourceRef="ss" targetRef="fork"/>
              <sequenceFlow id="s2" sourceRef="fork" targetRef="inner"/>
              <sequenceFlow id="s3" sourceRef="fork" targetRef="raise"/>
            </subProcess>
            <boundaryEvent id="onAlarm" attachedToRef="sub"><signalEventDefinition signalRef="alarm"/></boundaryEvent>
            <userTask id="handled"/>
            <userTask id="normal"/>
            """ + Flow("f0", "start", "sub") + Flow("f1", "sub", "normal") + Flow("f2", "onAlarm", "handled"), extra: Signal));

        Assert.Equal(["handled"], h.Active);
        Assert.Contains("sub", h.Trace("activity-cancelled"));
        Assert.Equal("Alarm", Assert.Single(h.Commands.OfType<BroadcastSignal>()).SignalName);
        Assert.DoesNotContain(h.State.Waits, w => w.Kind == WaitKind.Signal);
    }

    [Fact]
    public void Enter_SignalEndOfSubProcess_StartsTheProcessEventSubProcess()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <subProcess id="sub">
              <startEvent id="ss"/>
              <endEvent id="raise"><signalEventDefinition signalRef="alarm"/></endEvent>
              <sequenceFlow id="s1" sourceRef="ss" targetRef="raise"/>
            </subProcess>
            <userTask id="normal"/>
            <subProcess id="esp" triggeredByEvent="true">
              <startEvent id="espStart" isInterrupting="false"><signalEventDefinition signalRef="alarm"/></startEvent>
              <userTask id="react"/>
              <sequenceFlow id="e1" sourceRef="espStart" targetRef="react"/>
            </subProcess>
            """ + Flow("f0", "start", "sub") + Flow("f1", "sub", "normal"), extra: Signal));

        Assert.Equal(["esp", "normal", "react"], h.Active);
        Assert.Contains("espStart", h.Trace("signal-received"));
    }

    [Fact]
    public void Enter_SignalThrowWithCatchInParallelBranch_ContinuesBoth()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <parallelGateway id="fork"/>
            <userTask id="prepare"/>
            <intermediateCatchEvent id="wait"><signalEventDefinition signalRef="alarm"/></intermediateCatchEvent>
            <intermediateThrowEvent id="throw"><signalEventDefinition signalRef="alarm"/></intermediateThrowEvent>
            <userTask id="caught"/>
            <userTask id="thrown"/>
            """ + Flow("f0", "start", "fork") + Flow("f1", "fork", "wait") + Flow("f2", "fork", "prepare")
                + Flow("f3", "prepare", "throw") + Flow("f4", "wait", "caught") + Flow("f5", "throw", "thrown"), extra: Signal));

        h.Complete("prepare");

        Assert.Equal(["caught", "thrown"], h.Active);
        Assert.Single(h.Commands.OfType<BroadcastSignal>());
    }

    [Fact]
    public void Enter_SignalWaitOpenedAfterTheThrow_IsNotTriggered()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <intermediateThrowEvent id="throw"><signalEventDefinition signalRef="alarm"/></intermediateThrowEvent>
            <intermediateCatchEvent id="wait"><signalEventDefinition signalRef="alarm"/></intermediateCatchEvent>
            <endEvent id="end"/>
            """ + Chain("start", "throw", "wait", "end"), extra: Signal));

        Assert.Equal(["wait"], h.Active);
    }
}
