using Wuyi.Engine.Commands;
using Wuyi.Engine.State;
using Wuyi.Engine.Tests.Support;
using static Wuyi.Engine.Tests.Support.Bpmn;

namespace Wuyi.Engine.Tests.Execution.Behaviours;

public class ServiceTaskBehaviourTests
{
    [Theory]
    [InlineData("""camunda:type="external" camunda:topic="publish-result" """, "publish-result")]
    [InlineData("""camunda:delegateExpression="${publishResult}" """, "publishResult")]
    [InlineData("""camunda:type="notify" """, "notify")]
    [InlineData("""camunda:class="org.example.Publish" """, "org.example.Publish")]
    [InlineData("", "publish")]
    public void Enter_Implementation_InvokesNamedHandler(string attributes, string handler)
    {
        var h = EngineHarness.Start(Process($"""
            <startEvent id="start"/>
            <serviceTask id="publish" {attributes}/>
            """ + Chain("start", "publish")), EngineHarness.Vars(("areaCode", "460105001001")));

        var invoke = Assert.Single(h.Commands.OfType<InvokeService>());
        Assert.Equal(handler, invoke.HandlerName);
        Assert.Equal("460105001001", invoke.Variables["areaCode"]);
        Assert.Equal(InstanceStatus.Running, h.State.Status);
    }

    [Theory]
    [InlineData("sendTask")]
    [InlineData("businessRuleTask")]
    public void Enter_SendAndBusinessRuleTasks_InvokeHandlersToo(string elementType)
    {
        var h = EngineHarness.Start(Process($"""
            <startEvent id="start"/>
            <{elementType} id="t" camunda:type="external" camunda:topic="notify"/>
            """ + Chain("start", "t")));

        Assert.Equal("notify", Assert.Single(h.Commands.OfType<InvokeService>()).HandlerName);
    }

    [Fact]
    public void ServiceCompleted_Outputs_AreSetAndPathContinues()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <serviceTask id="publish" camunda:type="external" camunda:topic="publish-result"/>
            <userTask id="next"/>
            """ + Chain("start", "publish", "next")));

        h.CompleteService("publish", EngineHarness.Vars(("published", true)));

        Assert.Equal(["next"], h.Active);
        Assert.Equal(true, h.State.Variables["published"]);
    }

    [Fact]
    public void ServiceFailed_CaughtByErrorBoundary_TakesBoundaryPath()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <serviceTask id="publish" camunda:type="external" camunda:topic="publish-result"/>
            <boundaryEvent id="onSmtp" attachedToRef="publish"><errorEventDefinition errorRef="e1"/></boundaryEvent>
            <userTask id="next"/>
            <userTask id="fixMail"/>
            """ + Chain("start", "publish", "next") + Flow("fx", "onSmtp", "fixMail"),
            extra: """<error id="e1" errorCode="SMTP_DOWN"/>"""));

        h.FailService("publish", "SMTP_DOWN");

        Assert.Equal(["fixMail"], h.Active);
        Assert.Equal(["publish"], h.Trace("activity-cancelled"));
    }

    [Fact]
    public void ServiceFailed_Uncaught_RaisesIncidentAndRetryInvokesAgain()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <serviceTask id="publish" camunda:type="external" camunda:topic="publish-result"/>
            """ + Chain("start", "publish")));

        h.FailService("publish", "SMTP_DOWN");
        Assert.Equal(InstanceStatus.Failed, h.State.Status);
        Assert.Contains("SMTP_DOWN", h.State.Incidents[0].Message);

        h.Step(new Stimuli.RetryIncident());
        Assert.Equal(InstanceStatus.Running, h.State.Status);
        Assert.Equal(2, h.Commands.OfType<InvokeService>().Count());
    }

    [Fact]
    public void ServiceFailed_WrongCode_NotCaughtBySpecificBoundary()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <serviceTask id="publish" camunda:type="external" camunda:topic="publish-result"/>
            <boundaryEvent id="onSmtp" attachedToRef="publish"><errorEventDefinition errorRef="e1"/></boundaryEvent>
            <endEvent id="x"/>
            """ + Chain("start", "publish") + Flow("fx", "onSmtp", "x"),
            extra: """<error id="e1" errorCode="SMTP_DOWN"/>"""));

        h.FailService("publish", "OTHER");

        Assert.Equal(InstanceStatus.Failed, h.State.Status);
    }

    [Fact]
    public void ServiceFailed_CatcherNamesErrorVariables_TheyAreSet()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <serviceTask id="publish" camunda:type="external" camunda:topic="publish-result"/>
            <boundaryEvent id="caught" attachedToRef="publish">
              <errorEventDefinition errorRef="e1" camunda:errorCodeVariable="failure" camunda:errorMessageVariable="failureText"/>
            </boundaryEvent>
            <userTask id="fix"/>
            """ + Chain("start", "publish") + Flow("fx", "caught", "fix"), extra: """<error id="e1" errorCode="SMTP_DOWN"/>"""));

        h.Step(new Stimuli.ServiceFailed(h.Wait("publish").WaitId, "SMTP_DOWN", "mail server unreachable"));

        Assert.Equal(["fix"], h.Active);
        Assert.Equal("SMTP_DOWN", h.State.Variables["failure"]);
        Assert.Equal("mail server unreachable", h.State.Variables["failureText"]);
    }
}
