using Wuyi.Engine.Commands;
using Wuyi.Engine.State;
using Wuyi.Engine.Tests.Support;
using static Wuyi.Engine.Tests.Support.Bpmn;

namespace Wuyi.Engine.Tests.Execution.Behaviours;

public class ReceiveTaskBehaviourTests
{
    [Fact]
    public void Enter_WithMessage_SubscribesByBusinessKey()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <receiveTask id="wait" messageRef="m"/>
            <userTask id="next"/>
            """ + Chain("start", "wait", "next"), extra: """<message id="m" name="Reported"/>"""), businessKey: "460105001001");

        var subscribe = Assert.Single(h.Commands.OfType<SubscribeMessage>());
        Assert.Equal(("Reported", "460105001001"), (subscribe.MessageName, subscribe.CorrelationKey));
        h.Message("wait", EngineHarness.Vars(("n", 1)));
        Assert.Equal(["next"], h.Active);
        Assert.Equal(1L, h.State.Variables["n"]);
    }

    [Fact]
    public void CompleteTask_WithoutMessage_Continues()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <receiveTask id="wait"/>
            <userTask id="next"/>
            """ + Chain("start", "wait", "next")));

        Assert.Equal(WaitKind.Receive, h.Wait("wait").Kind);
        h.Complete("wait");
        Assert.Equal(["next"], h.Active);
    }

    [Fact]
    public void Enter_ManualTaskAndTask_PassThrough()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <manualTask id="m"/>
            <task id="t"/>
            <endEvent id="end"/>
            """ + Chain("start", "m", "t", "end")));

        Assert.Equal(InstanceStatus.Completed, h.State.Status);
        Assert.Equal(["start", "m", "t", "end"], h.Started);
    }
}
