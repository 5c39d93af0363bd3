using Wuyi.Engine.State;
using Wuyi.Engine.Tests.Support;
using static Wuyi.Engine.Tests.Support.Bpmn;

namespace Wuyi.Engine.Tests.Execution.Behaviours;

public class SubProcessBehaviourTests
{
    private static readonly string Model = Process("""
        <startEvent id="start"/>
        <subProcess id="sub">
          <startEvent id="s1"/>
          <userTask id="inner"/>
          <endEvent id="e1"/>
          <sequenceFlow id="i1" sourceRef="s1" targetRef="inner"/>
          <sequenceFlow id="i2" sourceRef="inner" targetRef="e1"/>
        </subProcess>
        <userTask id="after"/>
        """ + Chain("start", "sub", "after"));

    [Fact]
    public void Enter_SubProcess_RunsItsStartAndHoldsToken()
    {
        var h = EngineHarness.Start(Model);

        Assert.Equal(["inner", "sub"], h.Active);
        Assert.Equal(["start", "sub", "s1", "inner"], h.Started);
    }

    [Fact]
    public void CompleteTask_LastInnerPathEnds_SubProcessCompletesAndContinues()
    {
        var h = EngineHarness.Start(Model);

        h.Complete("inner", EngineHarness.Vars(("x", 1)));

        Assert.Equal(["after"], h.Active);
        Assert.Equal(1L, h.State.Variables["x"]);
        Assert.Equal(["inner", "e1", "sub"], h.Last.Events.Where(e => e.Type == "activity-completed").Select(e => e.Element));
    }

    [Fact]
    public void Cancel_Instance_CancelsInnerAndOuterAndTerminates()
    {
        var h = EngineHarness.Start(Model);

        h.Step(new Stimuli.Cancel("withdrawn"));

        Assert.Equal(InstanceStatus.Terminated, h.State.Status);
        Assert.Equal(["inner", "sub"], h.Trace("activity-cancelled"));
        Assert.Equal("withdrawn", h.Events[^1].Message);
    }
}
