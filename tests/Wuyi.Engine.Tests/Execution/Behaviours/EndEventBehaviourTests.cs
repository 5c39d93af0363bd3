using Wuyi.Engine.Commands;
using Wuyi.Engine.State;
using Wuyi.Engine.Tests.Support;
using static Wuyi.Engine.Tests.Support.Bpmn;

namespace Wuyi.Engine.Tests.Execution.Behaviours;

public class EndEventBehaviourTests
{
    [Fact]
    public void Enter_TerminateAtTop_EndsEveryPathAndTerminatesInstance()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <parallelGateway id="fork"/>
            <userTask id="a"/>
            <endEvent id="kill"><terminateEventDefinition/></endEvent>
            """ + Flow("f0", "start", "fork") + Flow("fa", "fork", "a") + Flow("fk", "fork", "kill")));

        Assert.Equal(InstanceStatus.Terminated, h.State.Status);
        Assert.Empty(h.Active);
        Assert.Equal(["a"], h.Trace("activity-cancelled"));
        Assert.Contains(h.Commands, c => c is CancelUserTask);
        Assert.Equal("instance-terminated", h.Events[^1].Type);
    }

    [Fact]
    public void Enter_TerminateInsideSubProcess_EndsOnlyTheSubProcessWhichCompletes()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <parallelGateway id="fork"/>
            <userTask id="outside"/>
            <subProcess id="sub">
              <startEvent id="s1"/>
              <parallelGateway id="innerFork"/>
              <userTask id="inner"/>
              <endEvent id="kill"><terminateEventDefinition/></endEvent>
              <sequenceFlow id="i1" sourceRef="s1" targetRef="innerFork"/>
              <sequenceFlow id="i2" sourceRef="innerFork" targetRef="inner"/>
              <sequenceFlow id="i3" sourceRef="innerFork" targetRef="kill"/>
            </subProcess>
            <userTask id="after"/>
            """ + Flow("f0", "start", "fork") + Flow("fo", "fork", "outside") + Flow("fs", "fork", "sub") + Flow("fa", "sub", "after")));

        Assert.Equal(["after", "outside"], h.Active);
        Assert.Equal(["inner"], h.Trace("activity-cancelled"));
        Assert.Contains("sub", h.Trace("activity-completed"));
        Assert.Equal(InstanceStatus.Waiting, h.State.Status);
    }

    [Fact]
    public void Enter_ErrorEndInSubProcess_CaughtByBoundaryOnSubProcess()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <subProcess id="sub">
              <startEvent id="s1"/>
              <endEvent id="fail"><errorEventDefinition errorRef="e"/></endEvent>
              <sequenceFlow id="i1" sourceRef="s1" targetRef="fail"/>
            </subProcess>
            <boundaryEvent id="caught" attachedToRef="sub"><errorEventDefinition/></boundaryEvent>
            <userTask id="handle"/>
            <userTask id="normal"/>
            """ + Chain("start", "sub", "normal") + Flow("fc", "caught", "handle"), extra: """<error id="e" errorCode="INELIGIBLE"/>"""));

        Assert.Equal(["handle"], h.Active);
        Assert.Equal(["sub"], h.Trace("activity-cancelled"));
    }

    [Fact]
    public void Enter_ErrorEndUncaught_EndsLikeNoneEnd()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <endEvent id="fail"><errorEventDefinition errorRef="e"/></endEvent>
            """ + Chain("start", "fail"), extra: """<error id="e" errorCode="X"/>"""));

        Assert.Equal(InstanceStatus.Completed, h.State.Status);
    }

    [Fact]
    public void Enter_ErrorEndUncaughtInChild_ReportsFailureToParent()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <endEvent id="fail"><errorEventDefinition errorRef="e"/></endEvent>
            """ + Chain("start", "fail"), extra: """<error id="e" errorCode="X"/>"""), parent: new ParentLink("parent", "parent/w1"));

        var report = Assert.Single(h.Commands.OfType<ReportToParent>());
        Assert.Equal((ChildOutcome.Failed, "X"), (report.Outcome, report.ErrorCode));
    }

    [Fact]
    public void Enter_MessageAndSignalEnds_SendThenEnd()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <parallelGateway id="fork"/>
            <endEvent id="m"><messageEventDefinition messageRef="msg"/></endEvent>
            <endEvent id="s"><signalEventDefinition signalRef="sig"/></endEvent>
            """ + Flow("f0", "start", "fork") + Flow("f1", "fork", "m") + Flow("f2", "fork", "s"),
            extra: """<message id="msg" name="Done"/><signal id="sig" name="AllDone"/>"""));

        Assert.Single(h.Commands.OfType<ThrowMessage>());
        Assert.Single(h.Commands.OfType<BroadcastSignal>());
        Assert.Equal(InstanceStatus.Completed, h.State.Status);
    }
}
