using Wuyi.Engine.State;
using Wuyi.Engine.Tests.Support;
using static Wuyi.Engine.Tests.Support.Bpmn;

namespace Wuyi.Engine.Tests.Execution.Behaviours;

public class InclusiveGatewayBehaviourTests
{
    private static readonly string Model = Process("""
        <startEvent id="start"/>
        <inclusiveGateway id="split" default="toC"/>
        <userTask id="a"/>
        <userTask id="b"/>
        <userTask id="c"/>
        <inclusiveGateway id="join"/>
        <userTask id="after"/>
        """ + Flow("f0", "start", "split")
            + Flow("toA", "split", "a", "${wantA}") + Flow("toB", "split", "b", "${wantB}") + Flow("toC", "split", "c")
            + Flow("ja", "a", "join") + Flow("jb", "b", "join") + Flow("jc", "c", "join") + Flow("fe", "join", "after"));

    [Fact]
    public void Enter_SplitTwoConditionsTrue_StartsBothButNotDefault()
    {
        var h = EngineHarness.Start(Model, EngineHarness.Vars(("wantA", true), ("wantB", true)));

        Assert.Equal(["a", "b"], h.Active);
    }

    [Fact]
    public void Enter_SplitNoConditionTrue_TakesDefault()
    {
        var h = EngineHarness.Start(Model, EngineHarness.Vars(("wantA", false), ("wantB", false)));

        Assert.Equal(["c"], h.Active);
    }

    [Fact]
    public void Enter_JoinWhileActivatedBranchStillRuns_Waits()
    {
        var h = EngineHarness.Start(Model, EngineHarness.Vars(("wantA", true), ("wantB", true)));

        h.Complete("a");

        Assert.Equal(["b", "join"], h.Active);
    }

    [Fact]
    public void Enter_JoinWhenNoOtherTokenCanArrive_FiresWithoutWaitingForUntakenBranches()
    {
        var h = EngineHarness.Start(Model, EngineHarness.Vars(("wantA", true), ("wantB", true)));

        h.Complete("a");
        h.Complete("b");

        Assert.Equal(["after"], h.Active);
        Assert.Single(h.Started, e => e == "after");
    }

    [Fact]
    public void Enter_JoinWhenOtherPathEndsElsewhere_FiresOnceThatPathIsGone()
    {
        // One branch may reach the join or an end event; once it ends, the waiting token goes on alone.
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <parallelGateway id="fork"/>
            <userTask id="a"/>
            <userTask id="b"/>
            <exclusiveGateway id="maybe" default="toEnd"/>
            <endEvent id="end"/>
            <inclusiveGateway id="join"/>
            <userTask id="after"/>
            """ + Flow("f0", "start", "fork") + Flow("fa", "fork", "a") + Flow("fb", "fork", "b")
                + Flow("ja", "a", "join") + Flow("b2", "b", "maybe") + Flow("toJoin", "maybe", "join", "${false}")
                + Flow("toEnd", "maybe", "end") + Flow("fe", "join", "after")));

        h.Complete("a");
        Assert.Equal(["b", "join"], h.Active);

        h.Complete("b");
        Assert.Equal(["after"], h.Active);
    }
}
