using Wuyi.Engine.Execution;
using Wuyi.Engine.State;
using Wuyi.Engine.Tests.Support;
using static Wuyi.Engine.Tests.Support.Bpmn;

namespace Wuyi.Engine.Tests.Execution.Behaviours;

public class StartEventBehaviourTests
{
    private static readonly string Model = Definitions("""
        <message id="m" name="Submitted"/>
        <signal id="s" name="Alert"/>
        <process id="p" isExecutable="true">
          <startEvent id="none"/>
          <startEvent id="byMessage"><messageEventDefinition messageRef="m"/></startEvent>
          <startEvent id="bySignal"><signalEventDefinition signalRef="s"/></startEvent>
          <startEvent id="byTimer"><timerEventDefinition><timeCycle>R/P1D</timeCycle></timerEventDefinition></startEvent>
          <userTask id="u"/>
          <sequenceFlow id="f1" sourceRef="none" targetRef="u"/>
          <sequenceFlow id="f2" sourceRef="byMessage" targetRef="u"/>
          <sequenceFlow id="f3" sourceRef="bySignal" targetRef="u"/>
          <sequenceFlow id="f4" sourceRef="byTimer" targetRef="u"/>
        </process>
        """);

    [Theory]
    [InlineData(null, "none", null)]
    [InlineData("byMessage", "byMessage", "message-correlated")]
    [InlineData("bySignal", "bySignal", "signal-received")]
    [InlineData("byTimer", "byTimer", "timer-fired")]
    public void Start_AtStartEvent_TracesItsTrigger(string? startEventId, string expectedStart, string? triggerEvent)
    {
        var h = EngineHarness.Start(Model, EngineHarness.Vars(("payload", 1)), startEventId: startEventId);

        Assert.Equal([expectedStart, "u"], h.Started);
        Assert.Equal(1L, h.State.Variables["payload"]);
        if (triggerEvent is not null) Assert.Equal(expectedStart, Assert.Single(h.Events, e => e.Type == triggerEvent).Element);
    }

    [Fact]
    public void Start_UnknownProcess_IsCallersMistake()
    {
        var definitions = EngineHarness.Parse(Model);

        Assert.Throws<ArgumentException>(() => ProcessEngine.Start(definitions, "nope", new StartRequest("i1"), EngineHarness.T0));
        Assert.Throws<ArgumentException>(() => ProcessEngine.Start(definitions, "p", new StartRequest("i1", StartEventId: "u"), EngineHarness.T0));
    }

    [Fact]
    public void Step_EndedInstance_IsRefused()
    {
        var h = EngineHarness.Start(Process("""<startEvent id="s"/><endEvent id="e"/>""" + Chain("s", "e")));

        Assert.Equal(InstanceStatus.Completed, h.State.Status);
        Assert.Equal("the instance has ended", h.Step(new Stimuli.Cancel()).Refusal);
    }

    [Fact]
    public void Step_StateOfAnotherModelVersion_IsCallersMistake()
    {
        var h = EngineHarness.Start(Model);
        var renamed = EngineHarness.Parse(Model.Replace("\"u\"", "\"u2\""));

        Assert.Throws<ArgumentException>(() => ProcessEngine.Step(renamed, h.State, new Stimuli.Cancel(), EngineHarness.T0));
    }

    [Fact]
    public void Waits_DescribeEveryOpenWaitForTheRuntimeIndex()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="s"/>
            <userTask id="u"/>
            <boundaryEvent id="t" attachedToRef="u"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></boundaryEvent>
            <boundaryEvent id="m" attachedToRef="u" cancelActivity="false"><messageEventDefinition messageRef="msg"/></boundaryEvent>
            """ + Chain("s", "u"), extra: """<message id="msg" name="Nudge"/>"""), businessKey: "k");

        Assert.Equal([
            new WaitInfo("i1/w1", WaitKind.UserTask, "u", null, null, null, null),
            new WaitInfo("i1/w2", WaitKind.Timer, "t", EngineHarness.T0.AddHours(1), null, null, null),
            new WaitInfo("i1/w3", WaitKind.Message, "m", null, "Nudge", "k", null),
        ], h.State.Waits.ToArray());
    }
}
