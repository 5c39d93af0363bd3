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

    // Camunda 7 maps a parameter without a body to null (NullValueProvider), in lists and maps too.
    [Fact]
    public void Enter_EmptyParameters_AreNull()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <userTask id="review">
              <extensionElements>
                <camunda:inputOutput>
                  <camunda:inputParameter name="decision"/>
                  <camunda:inputParameter name="comments">   </camunda:inputParameter>
                  <camunda:inputParameter name="list"><camunda:list><camunda:value/><camunda:value>a</camunda:value></camunda:list></camunda:inputParameter>
                  <camunda:inputParameter name="map"><camunda:map><camunda:entry key="k"/></camunda:map></camunda:inputParameter>
                  <camunda:inputParameter name="emptyList"><camunda:list/></camunda:inputParameter>
                  <camunda:inputParameter name="emptyMap"><camunda:map/></camunda:inputParameter>
                </camunda:inputOutput>
              </extensionElements>
            </userTask>
            """ + Chain("start", "review")));

        var json = Wuyi.Engine.State.InstanceStateJson.Serialize(h.State);

        Assert.Contains("""{"comments":null,"decision":null,"emptyList":[],"emptyMap":{},"list":[null,"a"],"map":{"k":null}}""", json);
    }

    [Fact]
    public void Complete_EmptyOutputParameter_SetsNull()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <userTask id="review">
              <extensionElements><camunda:inputOutput><camunda:outputParameter name="decision"></camunda:outputParameter></camunda:inputOutput></extensionElements>
            </userTask>
            <userTask id="after"/>
            """ + Chain("start", "review", "after")), EngineHarness.Vars(("decision", "approve")));

        h.Complete("review");

        Assert.True(h.State.Variables.ContainsKey("decision"));
        Assert.Null(h.State.Variables["decision"]);
    }
}
