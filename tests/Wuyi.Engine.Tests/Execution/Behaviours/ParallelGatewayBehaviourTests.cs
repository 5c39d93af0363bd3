using Wuyi.Engine.State;
using Wuyi.Engine.Tests.Support;
using static Wuyi.Engine.Tests.Support.Bpmn;

namespace Wuyi.Engine.Tests.Execution.Behaviours;

public class ParallelGatewayBehaviourTests
{
    private static readonly string ForkJoin = Process("""
        <startEvent id="start"/>
        <parallelGateway id="fork"/>
        <userTask id="a"/>
        <userTask id="b"/>
        <parallelGateway id="join"/>
        <endEvent id="end"/>
        """ + Flow("f0", "start", "fork") + Flow("fa", "fork", "a") + Flow("fb", "fork", "b")
            + Flow("ja", "a", "join") + Flow("jb", "b", "join") + Flow("fe", "join", "end"));

    [Fact]
    public void Enter_Fork_StartsEveryBranch()
    {
        var h = EngineHarness.Start(ForkJoin);

        Assert.Equal(["a", "b"], h.Active);
    }

    [Fact]
    public void Enter_JoinWithOneArrived_WaitsAtJoin()
    {
        var h = EngineHarness.Start(ForkJoin);

        h.Complete("a");

        Assert.Equal(["b", "join"], h.Active);
        Assert.Equal(InstanceStatus.Waiting, h.State.Status);
    }

    [Fact]
    public void Enter_JoinWithAllArrived_ContinuesOnce()
    {
        var h = EngineHarness.Start(ForkJoin);

        h.Complete("a");
        h.Complete("b");

        Assert.Equal(InstanceStatus.Completed, h.State.Status);
        Assert.Single(h.Trace("activity-started"), e => e == "end");
    }

    // A loop brings a second token along the same incoming flow before the other branch arrives: the join
    // counts per flow, so it must not fire until the other branch's token is there, and then fires once.
    [Fact]
    public void Enter_JoinFedByLoop_WaitsForEveryIncomingFlow()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <parallelGateway id="fork"/>
            <userTask id="a"/>
            <parallelGateway id="dup"/>
            <userTask id="b"/>
            <parallelGateway id="join"/>
            <userTask id="after"/>
            """ + Flow("f0", "start", "fork") + Flow("fa", "fork", "a") + Flow("fb", "fork", "b")
                + Flow("a2", "a", "dup") + Flow("back", "dup", "a") + Flow("ja", "dup", "join")
                + Flow("jb", "b", "join") + Flow("fe", "join", "after")));

        h.Complete("a");
        h.Complete("a");
        Assert.Equal(["a", "b", "join"], h.Active);
        Assert.Equal(2, h.State.Tokens.Count(t => t.ElementId == "join"));

        h.Complete("b");
        Assert.Equal(["a", "after", "join"], h.Active);
        Assert.Single(h.State.Tokens, t => t.ElementId == "join");
        Assert.Single(h.Started, e => e == "after");
    }
}
