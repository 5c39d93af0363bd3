using Wuyi.Engine.Execution;
using Wuyi.Engine.Tests.Support;
using static Wuyi.Engine.Tests.Support.Bpmn;

namespace Wuyi.Engine.Tests.Execution;

public class InitiatorTests
{
    private static readonly string Model = Process("""
        <startEvent id="start" camunda:initiator="applicant"/>
        <userTask id="u" camunda:assignee="${applicant}"/>
        """ + Chain("start", "u"));

    [Fact]
    public void Start_WithInitiator_StoresItInTheNamedVariable()
    {
        var definitions = EngineHarness.Parse(Model);

        var step = ProcessEngine.Start(definitions, "p", new StartRequest("i1") { Initiator = "township" }, EngineHarness.T0);

        Assert.Equal("township", step.State.Variables["applicant"]);
        Assert.Equal("township", step.Commands.OfType<Commands.CreateUserTask>().Single().Assignee);
    }

    [Fact]
    public void Start_WithoutInitiator_LeavesTheVariableUnset()
    {
        var h = EngineHarness.Start(Model);

        Assert.False(h.State.Variables.ContainsKey("applicant"));
    }
}
