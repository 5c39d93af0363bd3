using Wuyi.Server.Tests.Apis;
using Wuyi.Testing;

namespace Wuyi.Server.Tests.People;

/// <summary>camunda:initiator: the variable a start event names holds the signed-in user who started the instance.</summary>
public sealed class InitiatorTests
{
    private const string Model = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://wuyi.test">
          <bpmn:process id="initiated" isExecutable="true">
            <bpmn:startEvent id="Start" camunda:initiator="starter" />
            <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Wait" />
            <bpmn:userTask id="Wait" camunda:candidateGroups="township-reviewer:46" />
            <bpmn:sequenceFlow id="f2" sourceRef="Wait" targetRef="End" />
            <bpmn:endEvent id="End" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task Start_InitiatorOnTheStartEvent_VariableIsTheSignedInUser()
    {
        using var database = TestDatabase.Create("sqlite");
        await using var server = await ApiServer.StartAsync(database);
        await server.Client.DeployOkAsync(Model);

        var started = await server.ClientFor("wang", "administrator:46").StartAsync("initiated", "460105001001");

        Assert.Equal("wang", started.GetProperty("variables").Str("starter"));
    }
}
