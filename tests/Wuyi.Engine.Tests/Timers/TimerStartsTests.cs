using Wuyi.Engine.Tests.Support;
using Wuyi.Engine.Timers;
using static Wuyi.Engine.Tests.Support.Bpmn;

namespace Wuyi.Engine.Tests.Timers;

public class TimerStartsTests
{
    [Fact]
    public void Next_RepeatingCycle_CountsFirings()
    {
        var definitions = EngineHarness.Parse(Process("""
            <startEvent id="s"><timerEventDefinition><timeCycle>R2/P1D</timeCycle></timerEventDefinition></startEvent>
            """));

        var first = Assert.Single(TimerStarts.First(definitions, "p", EngineHarness.T0));
        var second = TimerStarts.Next(first);

        Assert.Equal((EngineHarness.T0.AddDays(1), EngineHarness.T0.AddDays(2)), (first.DueAt, second!.DueAt));
        Assert.Null(TimerStarts.Next(second));
    }

    [Fact]
    public void Next_Cron_FindsNextWeek()
    {
        var definitions = EngineHarness.Parse(Process("""
            <startEvent id="s"><timerEventDefinition><timeCycle>0 0 9 ? * MON</timeCycle></timerEventDefinition></startEvent>
            """));

        var first = Assert.Single(TimerStarts.First(definitions, "p", EngineHarness.T0));

        Assert.Equal(new DateTimeOffset(2022, 8, 29, 9, 0, 0, TimeSpan.FromHours(8)), first.DueAt);
        Assert.Equal(first.DueAt.AddDays(7), TimerStarts.Next(first)!.DueAt);
    }

    [Fact]
    public void First_DateOnce_HasNoSuccessor()
    {
        var definitions = EngineHarness.Parse(Process("""
            <startEvent id="s"><timerEventDefinition><timeDate>2022-09-01T00:00:00+08:00</timeDate></timerEventDefinition></startEvent>
            """));

        var first = Assert.Single(TimerStarts.First(definitions, "p", EngineHarness.T0));

        Assert.Null(TimerStarts.Next(first));
    }
}
