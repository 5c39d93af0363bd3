using Wuyi.Engine.Commands;
using Wuyi.Engine.State;
using Wuyi.Engine.Stimuli;
using Wuyi.Engine.Tests.Support;
using static Wuyi.Engine.Tests.Support.Bpmn;

namespace Wuyi.Engine.Tests.Execution.Behaviours;

public class BoundaryEventBehaviourTests
{
    private static string TaskWithBoundary(string boundary, string extra = "") => Process($"""
        <startEvent id="start"/>
        <userTask id="review"/>
        {boundary}
        <userTask id="next"/>
        <userTask id="escalated"/>
        """ + Chain("start", "review", "next") + Flow("fb", "b", "escalated"), extra: extra);

    private static readonly string InterruptingTimer = TaskWithBoundary(
        """<boundaryEvent id="b" attachedToRef="review"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></boundaryEvent>""");

    [Fact]
    public void Enter_TaskWithTimerBoundary_SchedulesTimer()
    {
        var h = EngineHarness.Start(InterruptingTimer);

        Assert.Equal([WaitKind.UserTask, WaitKind.Timer], h.State.Waits.Select(w => w.Kind));
        Assert.Equal(["review"], h.Active);
    }

    [Fact]
    public void TimerFired_Interrupting_CancelsTaskAndTakesBoundaryPath()
    {
        var h = EngineHarness.Start(InterruptingTimer);

        h.FireTimer("b");

        Assert.Equal(["escalated"], h.Active);
        Assert.Contains(h.Last.Commands, c => c is CancelUserTask);
        Assert.Equal(["timer-fired", "activity-cancelled", "activity-started", "activity-completed", "activity-started", "task-created"],
            h.Last.Events.Select(e => e.Type));
    }

    [Fact]
    public void CompleteTask_BeforeTimer_CancelsTimer()
    {
        var h = EngineHarness.Start(InterruptingTimer);

        h.Complete("review");

        Assert.Equal(["next"], h.Active);
        Assert.Contains(h.Last.Commands, c => c is CancelTimer);
    }

    // The timer and the completion fall on the same instant; whichever the runtime applies first wins and the
    // other is refused as stale, leaving exactly one path.
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Step_TimerRacesCompletionAtSameInstant_FirstAppliedWinsOtherRefused(bool timerFirst)
    {
        var h = EngineHarness.Start(InterruptingTimer);
        var timer = h.Wait("b").WaitId;
        var task = h.Wait("review").WaitId;
        h.Now = h.Wait("b").DueAt!.Value;

        Stimulus first = timerFirst ? new TimerFired(timer) : new CompleteTask(task);
        Stimulus second = timerFirst ? new CompleteTask(task) : new TimerFired(timer);
        Assert.True(h.Step(first).Applied);
        var late = h.Step(second);

        Assert.False(late.Applied);
        Assert.Equal(timerFirst ? ["escalated"] : ["next"], h.Active);
    }

    [Fact]
    public void TimerFired_NonInterruptingCycle_RepeatsAndKeepsTask()
    {
        var h = EngineHarness.Start(TaskWithBoundary(
            """<boundaryEvent id="b" attachedToRef="review" cancelActivity="false"><timerEventDefinition><timeCycle>R3/PT1H</timeCycle></timerEventDefinition></boundaryEvent>"""));

        h.FireTimer("b");
        h.FireTimer("b");
        h.FireTimer("b");

        Assert.Equal(["escalated", "review"], h.Active);
        Assert.Equal(3, h.State.Tokens.Count(t => t.ElementId == "escalated"));
        Assert.DoesNotContain(h.State.Waits, w => w.Kind == WaitKind.Timer);
        Assert.Equal([EngineHarness.T0.AddHours(1), EngineHarness.T0.AddHours(2), EngineHarness.T0.AddHours(3)],
            h.Commands.OfType<ScheduleTimer>().Select(s => s.DueAt));
    }

    [Fact]
    public void TimerFired_NonInterruptingEndlessCycle_KeepsRescheduling()
    {
        var h = EngineHarness.Start(TaskWithBoundary(
            """<boundaryEvent id="b" attachedToRef="review" cancelActivity="false"><timerEventDefinition><timeCycle>R/P1D</timeCycle></timerEventDefinition></boundaryEvent>"""));

        for (var i = 0; i < 5; i++) h.FireTimer("b");

        Assert.Equal(EngineHarness.T0.AddDays(6), h.Wait("b").DueAt);
        h.Complete("review");
        Assert.Contains(h.Last.Commands, c => c is CancelTimer);
    }

    [Fact]
    public void MessageReceived_InterruptingMessageBoundary_TakesBoundaryPath()
    {
        var h = EngineHarness.Start(TaskWithBoundary(
            """<boundaryEvent id="b" attachedToRef="review"><messageEventDefinition messageRef="m"/></boundaryEvent>""",
            """<message id="m" name="Withdrawn"/>"""));

        h.Message("b");

        Assert.Equal(["escalated"], h.Active);
    }

    [Fact]
    public void SignalReceived_NonInterruptingSignalBoundary_FiresEachTime()
    {
        var h = EngineHarness.Start(TaskWithBoundary(
            """<boundaryEvent id="b" attachedToRef="review" cancelActivity="false"><signalEventDefinition signalRef="s"/></boundaryEvent>""",
            """<signal id="s" name="Alert"/>"""));

        h.Signal("Alert");
        h.Signal("Alert");

        Assert.Equal(2, h.State.Tokens.Count(t => t.ElementId == "escalated"));
        Assert.Contains("review", h.Active);
    }

    [Fact]
    public void TimerFired_BoundaryOnSubProcess_CancelsEverythingInside()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <subProcess id="sub">
              <startEvent id="s1"/>
              <parallelGateway id="fork"/>
              <userTask id="a"/>
              <userTask id="b2"/>
              <sequenceFlow id="i1" sourceRef="s1" targetRef="fork"/>
              <sequenceFlow id="i2" sourceRef="fork" targetRef="a"/>
              <sequenceFlow id="i3" sourceRef="fork" targetRef="b2"/>
            </subProcess>
            <boundaryEvent id="b" attachedToRef="sub"><timerEventDefinition><timeDuration>P7D</timeDuration></timerEventDefinition></boundaryEvent>
            <userTask id="late"/>
            """ + Chain("start", "sub") + Flow("fl", "b", "late")));

        h.FireTimer("b");

        Assert.Equal(["late"], h.Active);
        Assert.Equal(["a", "b2", "sub"], h.Trace("activity-cancelled").Order());
        Assert.Equal(2, h.Last.Commands.OfType<CancelUserTask>().Count());
    }
}
