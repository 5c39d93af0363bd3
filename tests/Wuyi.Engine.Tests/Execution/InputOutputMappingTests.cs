using Wuyi.Engine.Commands;
using Wuyi.Engine.Tests.Support;
using static Wuyi.Engine.Tests.Support.Bpmn;

namespace Wuyi.Engine.Tests.Execution;

public class InputOutputMappingTests
{
    private static readonly string Model = Process("""
        <startEvent id="start"/>
        <serviceTask id="publish" camunda:type="external" camunda:topic="publish">
          <extensionElements>
            <camunda:inputOutput>
              <camunda:inputParameter name="channel">sms</camunda:inputParameter>
              <camunda:inputParameter name="recipients"><camunda:list><camunda:value>a</camunda:value><camunda:value>b</camunda:value></camunda:list></camunda:inputParameter>
              <camunda:inputParameter name="meta"><camunda:map><camunda:entry key="k">v</camunda:entry></camunda:map></camunda:inputParameter>
              <camunda:outputParameter name="publishedVia">${channel}</camunda:outputParameter>
            </camunda:inputOutput>
          </extensionElements>
        </serviceTask>
        <userTask id="after"/>
        """ + Chain("start", "publish", "after"));

    [Fact]
    public void Enter_InputParameters_AreLocalAndVisibleToHandler()
    {
        var h = EngineHarness.Start(Model);

        var invoke = Assert.Single(h.Commands.OfType<InvokeService>());
        Assert.Equal("sms", invoke.Variables["channel"]);
        Assert.Equal(["a", "b"], ((IEnumerable<object?>)invoke.Variables["recipients"]!).Cast<string>());
        Assert.False(h.State.Variables.ContainsKey("channel"));
    }

    [Fact]
    public void ServiceCompleted_OutputParameters_AreSetOutsideAndLocalsDropped()
    {
        var h = EngineHarness.Start(Model);

        h.CompleteService("publish");

        Assert.Equal("sms", h.State.Variables["publishedVia"]);
        Assert.False(h.State.Variables.ContainsKey("channel"));
        Assert.Equal(["after"], h.Active);
    }
}
