namespace Wuyi.Server.Tests.People;

/// <summary>A review offered to the township 秀英街道 (460105001) and the county 秀英区 (460105), for an area given as business key.</summary>
internal static class PeopleModels
{
    public const string TownshipA = "460105001";
    public const string TownshipB = "460105002";
    public const string AreaOfA = "460105001001";
    public const string AreaOfB = "460105002001";

    public static string Review(string id = "people-review") => $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://wuyi.test">
          <bpmn:process id="{{id}}" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Review" />
            <bpmn:userTask id="Review" name="Township review" camunda:candidateGroups="township-reviewer:${townshipCode}" camunda:dueDate="${due}" camunda:formKey="township-review" />
            <bpmn:sequenceFlow id="f2" sourceRef="Review" targetRef="End" />
            <bpmn:endEvent id="End" />
          </bpmn:process>
        </bpmn:definitions>
        """;
}
