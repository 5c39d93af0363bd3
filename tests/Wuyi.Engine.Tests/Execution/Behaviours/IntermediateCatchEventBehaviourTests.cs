using Wuyi.Engine.Commands;
using Wuyi.Engine.State;
using Wuyi.Engine.Tests.Support;
using static Wuyi.Engine.Tests.Support.Bpmn;

namespace Wuyi.Engine.Tests.Execution.Behaviours;

public class IntermediateCatchEventBehaviourTests
{
    private static string Catch(string definition, string extra = "") => Process($"""
        <startEvent id="start"/>
        <intermediateCatchEvent id="c">{definition}</intermediateCatchEvent>
        <userTask id="next"/>
        """ + Chain("start", "c", "next"), extra: extra);

    [Fact]
    public void Enter_TimerDuration_SchedulesAtNowPlusDuration()
    {
        var h = EngineHarness.Start(Catch("<timerEventDefinition><timeDuration>P7D</timeDuration></timerEventDefinition>"));

        var schedule = Assert.Single(h.Commands.OfType<ScheduleTimer>());
        Assert.Equal(EngineHarness.T0.AddDays(7), schedule.DueAt);
        Assert.Null(schedule.Cycle);
        Assert.Contains(h.Events, e => e.Type == "timer-scheduled" && e.DueAt == EngineHarness.T0.AddDays(7));
    }

    [Fact]
    public void Enter_TimerDate_SchedulesAtDate()
    {
        var h = EngineHarness.Start(Catch("<timerEventDefinition><timeDate>2022-09-01T10:00:00+08:00</timeDate></timerEventDefinition>"));

        Assert.Equal(new DateTimeOffset(2022, 9, 1, 10, 0, 0, TimeSpan.FromHours(8)), h.Wait("c").DueAt);
    }

    [Fact]
    public void Enter_TimerExpression_IsEvaluated()
    {
        var h = EngineHarness.Start(Catch("<timerEventDefinition><timeDuration>${period}</timeDuration></timerEventDefinition>"),
            EngineHarness.Vars(("period", "PT2H")));

        Assert.Equal(EngineHarness.T0.AddHours(2), h.Wait("c").DueAt);
    }

    [Fact]
    public void TimerFired_Continues()
    {
        var h = EngineHarness.Start(Catch("<timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition>"));

        h.FireTimer("c");

        Assert.Equal(["next"], h.Active);
        Assert.Equal(["c"], h.Trace("timer-fired"));
    }

    [Fact]
    public void Enter_MessageWithCorrelationKeyProperty_SubscribesWithThatKey()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <intermediateCatchEvent id="c">
              <extensionElements><camunda:properties><camunda:property name="correlationKey" value="${areaCode}"/></camunda:properties></extensionElements>
              <messageEventDefinition messageRef="m"/>
            </intermediateCatchEvent>
            """ + Chain("start", "c"), extra: """<message id="m" name="CloseContactReported"/>"""),
            EngineHarness.Vars(("areaCode", "460105001001")));

        var waiting = Assert.Single(h.Events, e => e.Type == "message-waiting");
        Assert.Equal(("CloseContactReported", "460105001001"), (waiting.Name, waiting.CorrelationKey));
    }

    [Fact]
    public void SignalReceived_OnlyMatchingSignalTriggers()
    {
        var h = EngineHarness.Start(Catch("""<signalEventDefinition signalRef="s"/>""", """<signal id="s" name="ProvinceWideAlert"/>"""));

        Assert.False(h.Signal("Other").Applied);
        h.Signal("ProvinceWideAlert");

        Assert.Equal(["next"], h.Active);
        Assert.Equal(["c"], h.Trace("signal-received"));
    }
}
