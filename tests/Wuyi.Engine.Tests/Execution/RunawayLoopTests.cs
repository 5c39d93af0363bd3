using Wuyi.Engine.Commands;
using Wuyi.Engine.State;
using Wuyi.Engine.Tests.Support;
using static Wuyi.Engine.Tests.Support.Bpmn;

namespace Wuyi.Engine.Tests.Execution;

public class RunawayLoopTests
{
    [Fact]
    public void Start_LoopWithoutWaitState_StopsWithIncidentNamingElements()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <task id="spin"/>
            <exclusiveGateway id="again"/>
            """ + Flow("f0", "start", "spin") + Flow("f1", "spin", "again") + Flow("f2", "again", "spin")));

        Assert.Equal(InstanceStatus.Failed, h.State.Status);
        var incident = Assert.Single(h.Commands.OfType<RaiseIncident>());
        Assert.Contains("spin", incident.Message);
        Assert.Contains("again", incident.Message);
        Assert.Contains("loops", incident.Message);
    }

    [Fact]
    public void Start_TenThousandParallelBranchesWithoutLoop_SaysTheFanOutIsTooWideNotThatItLoops()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <task id="each"><multiInstanceLoopCharacteristics><loopCardinality>10000</loopCardinality></multiInstanceLoopCharacteristics></task>
            <userTask id="after"/>
            """ + Chain("start", "each", "after")));

        Assert.Equal(InstanceStatus.Failed, h.State.Status);
        var incident = Assert.Single(h.Commands.OfType<RaiseIncident>());
        Assert.DoesNotContain("loops", incident.Message);
        Assert.Contains("parallel paths", incident.Message);
    }

    [Fact]
    public void Start_ForkBomb_StopsWithinBudget()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <exclusiveGateway id="merge"/>
            <parallelGateway id="fork"/>
            """ + Flow("f0", "start", "merge") + Flow("f1", "merge", "fork") + Flow("f2", "fork", "merge") + Flow("f3", "fork", "merge")));

        Assert.Equal(InstanceStatus.Failed, h.State.Status);
        Assert.True(h.Events.Count < 50_000);
    }
}
