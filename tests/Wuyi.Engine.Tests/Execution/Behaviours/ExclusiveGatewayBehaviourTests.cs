using Wuyi.Engine.State;
using Wuyi.Engine.Tests.Support;
using static Wuyi.Engine.Tests.Support.Bpmn;

namespace Wuyi.Engine.Tests.Execution.Behaviours;

public class ExclusiveGatewayBehaviourTests
{
    private static readonly string Model = Process("""
        <startEvent id="start"/>
        <exclusiveGateway id="gw" default="toOther"/>
        <userTask id="approved"/>
        <userTask id="rejected"/>
        <userTask id="other"/>
        """ + Flow("f0", "start", "gw")
            + Flow("toApproved", "gw", "approved", "${score >= 80}")
            + Flow("toRejected", "gw", "rejected", "${score < 50}")
            + Flow("toOther", "gw", "other"));

    [Theory]
    [InlineData(90, "approved")]
    [InlineData(10, "rejected")]
    [InlineData(60, "other")]
    public void Enter_Conditions_TakesFirstTrueOrDefault(int score, string expected)
    {
        var h = EngineHarness.Start(Model, EngineHarness.Vars(("score", score)));

        Assert.Equal([expected], h.Active);
        Assert.Equal(["start", "gw", expected], h.Started);
    }

    [Fact]
    public void Enter_SeveralConditionsTrue_TakesOnlyTheFirstInDocumentOrder()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <exclusiveGateway id="gw"/>
            <userTask id="a"/>
            <userTask id="b"/>
            """ + Flow("f0", "start", "gw") + Flow("f1", "gw", "a", "${true}") + Flow("f2", "gw", "b", "${true}")));

        Assert.Equal(["a"], h.Active);
    }

    [Fact]
    public void Enter_NoConditionTrueAndNoDefault_RaisesIncidentAtGateway()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <exclusiveGateway id="gw"/>
            <userTask id="a"/>
            """ + Flow("f0", "start", "gw") + Flow("f1", "gw", "a", "${false}")));

        Assert.Equal(InstanceStatus.Failed, h.State.Status);
        Assert.Equal(["gw"], h.Active);
        Assert.Contains("no outgoing sequence flow", Assert.Single(h.State.Incidents).Message);
    }

    [Fact]
    public void Enter_ConditionOnUnknownVariable_RaisesIncidentThatRetrySolves()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <exclusiveGateway id="gw" default="fd"/>
            <userTask id="a"/>
            <userTask id="d"/>
            """ + Flow("f0", "start", "gw") + Flow("f1", "gw", "a", "${missing}") + Flow("fd", "gw", "d")));

        Assert.Equal(InstanceStatus.Failed, h.State.Status);
        Assert.Contains("missing", h.State.Incidents[0].Message);
        h.Step(new Stimuli.RetryIncident());
        Assert.Equal(InstanceStatus.Failed, h.State.Status);
    }
}
