using Wuyi.Engine.Commands;
using Wuyi.Engine.State;
using Wuyi.Engine.Tests.Support;
using static Wuyi.Engine.Tests.Support.Bpmn;

namespace Wuyi.Engine.Tests.Execution.Behaviours;

public class EventBasedGatewayBehaviourTests
{
    private const string Messages = """
        <message id="m1" name="Approved"/>
        <signal id="s1" name="Alert"/>
        """;

    private static readonly string Model = Process("""
        <startEvent id="start"/>
        <eventBasedGateway id="gw"/>
        <intermediateCatchEvent id="gotMessage"><messageEventDefinition messageRef="m1"/></intermediateCatchEvent>
        <intermediateCatchEvent id="timeout"><timerEventDefinition><timeDuration>P7D</timeDuration></timerEventDefinition></intermediateCatchEvent>
        <intermediateCatchEvent id="alert"><signalEventDefinition signalRef="s1"/></intermediateCatchEvent>
        <userTask id="handle"/>
        <userTask id="late"/>
        """ + Flow("f0", "start", "gw") + Flow("g1", "gw", "gotMessage") + Flow("g2", "gw", "timeout") + Flow("g3", "gw", "alert")
            + Flow("h1", "gotMessage", "handle") + Flow("h2", "timeout", "late") + Flow("h3", "alert", "handle"), extra: Messages);

    [Fact]
    public void Enter_EventGateway_WaitsForEveryFollowingEvent()
    {
        var h = EngineHarness.Start(Model);

        Assert.Equal(["gw"], h.Active);
        Assert.Equal([WaitKind.Message, WaitKind.Timer, WaitKind.Signal], h.State.Waits.Select(w => w.Kind));
        Assert.Equal(EngineHarness.T0.AddDays(7), h.Wait("timeout").DueAt);
    }

    [Fact]
    public void MessageReceived_FirstEvent_WinsAndCancelsTheOthers()
    {
        var h = EngineHarness.Start(Model);

        h.Message("gotMessage", EngineHarness.Vars(("ok", true)));

        Assert.Equal(["handle"], h.Active);
        Assert.Contains(h.Last.Commands, c => c is CancelTimer);
        Assert.Contains(h.Last.Commands, c => c is CancelSubscription);
        Assert.Equal(true, h.State.Variables["ok"]);
        Assert.Equal(["gotMessage", "handle"], h.Last.Events.Where(e => e.Type == "activity-started").Select(e => e.Element));
    }

    [Fact]
    public void SignalReceived_EventsShareTarget_TargetEnteredOnce()
    {
        var h = EngineHarness.Start(Model);

        h.Signal("Alert");
        var afterSignal = h.State;
        var late = h.Step(new Stimuli.MessageReceived($"{h.State.InstanceId}/w1"));

        Assert.Equal(["handle"], afterSignal.ActiveElementIds.ToArray());
        Assert.False(late.Applied);
        Assert.Single(h.Started, e => e == "handle");
    }

    [Fact]
    public void TimerFired_Timeout_TakesTimerBranch()
    {
        var h = EngineHarness.Start(Model);

        h.FireTimer("timeout");

        Assert.Equal(["late"], h.Active);
        Assert.DoesNotContain(h.State.Waits, w => w.Kind != WaitKind.UserTask);
    }
}
