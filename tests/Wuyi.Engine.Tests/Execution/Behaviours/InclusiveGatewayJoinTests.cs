using Wuyi.Engine.State;
using Wuyi.Engine.Tests.Support;
using static Wuyi.Engine.Tests.Support.Bpmn;

namespace Wuyi.Engine.Tests.Execution.Behaviours;

/// <summary>The inclusive join as BPMN 2.0 (13.3.5) defines it: one token per filled flow, activation per filled flow set.</summary>
public class InclusiveGatewayJoinTests
{
    [Fact]
    public void Enter_TwoTokensOnOneFlow_FiresTwice()
    {
        // Both parallel branches come to the join along the same flow: each arrival activates it on its own.
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <parallelGateway id="fork"/>
            <userTask id="a"/>
            <userTask id="b"/>
            <exclusiveGateway id="merge"/>
            <inclusiveGateway id="join"/>
            <userTask id="after"/>
            <task id="never"/>
            """ + Flow("f0", "start", "fork") + Flow("fa", "fork", "a") + Flow("fb", "fork", "b")
                + Flow("am", "a", "merge") + Flow("bm", "b", "merge") + Flow("mj", "merge", "join")
                + Flow("nj", "never", "join") + Flow("out", "join", "after")));

        h.Complete("a");
        Assert.Equal(["after", "b"], h.Active);

        h.Complete("b");
        Assert.Equal(2, h.State.Tokens.Count(t => t.ElementId == "after"));
        Assert.Equal(2, h.Trace("activity-completed").Count(e => e == "join"));
    }

    [Fact]
    public void Enter_TokensWaitingOnOneFlow_ExtraTokenStaysForTheNextActivation()
    {
        // Two tokens wait on flow A while flow B is still to come: the first activation takes one of each, the
        // second token on A then fires alone once nothing can reach B any more.
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <parallelGateway id="fork"/>
            <task id="a1"/>
            <task id="a2"/>
            <exclusiveGateway id="merge"/>
            <userTask id="b"/>
            <inclusiveGateway id="join"/>
            <userTask id="after"/>
            """ + Flow("f0", "start", "fork") + Flow("f1", "fork", "a1") + Flow("f2", "fork", "a2") + Flow("f3", "fork", "b")
                + Flow("m1", "a1", "merge") + Flow("m2", "a2", "merge") + Flow("ja", "merge", "join")
                + Flow("jb", "b", "join") + Flow("out", "join", "after")));

        Assert.Equal(["b", "join"], h.Active);
        Assert.Equal(2, h.State.Tokens.Count(t => t.ElementId == "join"));

        h.Complete("b");

        Assert.Equal(2, h.State.Tokens.Count(t => t.ElementId == "after"));
        Assert.DoesNotContain(h.State.Tokens, t => t.ElementId == "join");
    }

    [Fact]
    public void Enter_LoopBackThroughFilledFlow_DoesNotBlockTheJoin()
    {
        // The token looping back can only reach the join by the flow that already holds a token: it does not count.
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <parallelGateway id="fork"/>
            <exclusiveGateway id="loop"/>
            <userTask id="work"/>
            <exclusiveGateway id="again" default="toJoin"/>
            <task id="direct"/>
            <inclusiveGateway id="join"/>
            <userTask id="after"/>
            """ + Flow("f0", "start", "fork") + Flow("f1", "fork", "loop") + Flow("f2", "fork", "direct")
                + Flow("l1", "loop", "work") + Flow("l2", "work", "again") + Flow("back", "again", "loop", "${repeat}")
                + Flow("toJoin", "again", "join") + Flow("dj", "direct", "join") + Flow("out", "join", "after")),
            EngineHarness.Vars(("repeat", true)));

        Assert.Equal(["join", "work"], h.Active);
        h.Complete("work", EngineHarness.Vars(("repeat", true)));
        Assert.Equal(["join", "work"], h.Active);

        h.Complete("work", EngineHarness.Vars(("repeat", false)));

        Assert.Equal(["after"], h.Active);
    }

    [Fact]
    public void Enter_TokenThatCanStillReachAnEmptyFlow_Waits()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <parallelGateway id="fork"/>
            <userTask id="a"/>
            <userTask id="b"/>
            <inclusiveGateway id="join"/>
            <userTask id="after"/>
            """ + Flow("f0", "start", "fork") + Flow("fa", "fork", "a") + Flow("fb", "fork", "b")
                + Flow("ja", "a", "join") + Flow("jb", "b", "join") + Flow("out", "join", "after")));

        h.Complete("a");

        Assert.Equal(["b", "join"], h.Active);
        Assert.Equal("ja", Assert.Single(h.State.Tokens, t => t.ElementId == "join").ArrivedVia);
        var restored = InstanceStateJson.Deserialize(InstanceStateJson.Serialize(h.State));
        Assert.Equal("ja", Assert.Single(restored.Tokens, t => t.ElementId == "join").ArrivedVia);
    }
}
