namespace Wuyi.Runtime.Tests;

/// <summary>Small BPMN models the runtime tests run.</summary>
internal static class Models
{
    private const string Header = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://wuyi.test">
        """;

    /// <summary>start → Review (user task) → end.</summary>
    public static readonly string Review = Header + """
          <bpmn:process id="review" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Review" />
            <bpmn:userTask id="Review" name="Review" camunda:candidateGroups="township-reviewer:${townshipCode}" />
            <bpmn:sequenceFlow id="f2" sourceRef="Review" targetRef="End" />
            <bpmn:endEvent id="End" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>start → wait 7 days → Review → end.</summary>
    public static readonly string Observation = Header + """
          <bpmn:message id="m1" name="InfectionReported" />
          <bpmn:process id="observation" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="SevenDays" />
            <bpmn:intermediateCatchEvent id="SevenDays">
              <bpmn:timerEventDefinition><bpmn:timeDuration>P7D</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="f2" sourceRef="SevenDays" targetRef="Review" />
            <bpmn:userTask id="Review" />
            <bpmn:sequenceFlow id="f3" sourceRef="Review" targetRef="End" />
            <bpmn:endEvent id="End" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>start → wait for CloseContactReported (correlated by business key) → end.</summary>
    public static readonly string Contact = Header + """
          <bpmn:message id="m1" name="CloseContactReported" />
          <bpmn:process id="contact" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Reported" />
            <bpmn:intermediateCatchEvent id="Reported">
              <bpmn:messageEventDefinition messageRef="m1" />
            </bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="f2" sourceRef="Reported" targetRef="End" />
            <bpmn:endEvent id="End" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>start → Publish (external service task) → end.</summary>
    public static readonly string Publish = Header + """
          <bpmn:process id="publish" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Publish" />
            <bpmn:serviceTask id="Publish" camunda:type="external" camunda:topic="publish-result" />
            <bpmn:sequenceFlow id="f2" sourceRef="Publish" targetRef="End" />
            <bpmn:endEvent id="End" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>parent calls child (a user task) and waits.</summary>
    public static readonly string ParentAndChild = Header + """
          <bpmn:process id="parent" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="CallChild" />
            <bpmn:callActivity id="CallChild" calledElement="child">
              <bpmn:extensionElements><camunda:in variables="all" /><camunda:out variables="all" /></bpmn:extensionElements>
            </bpmn:callActivity>
            <bpmn:sequenceFlow id="f2" sourceRef="CallChild" targetRef="End" />
            <bpmn:endEvent id="End" />
          </bpmn:process>
          <bpmn:process id="child" isExecutable="true">
            <bpmn:startEvent id="ChildStart" />
            <bpmn:sequenceFlow id="c1" sourceRef="ChildStart" targetRef="Inspect" />
            <bpmn:userTask id="Inspect" />
            <bpmn:sequenceFlow id="c2" sourceRef="Inspect" targetRef="ChildEnd" />
            <bpmn:endEvent id="ChildEnd" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>A timer start every 30 days, three times in all: each firing starts an instance waiting at a user task.</summary>
    public static readonly string SpotCheckSchedule = Header + """
          <bpmn:process id="schedule" isExecutable="true">
            <bpmn:startEvent id="Every30Days">
              <bpmn:timerEventDefinition><bpmn:timeCycle>R3/P30D</bpmn:timeCycle></bpmn:timerEventDefinition>
            </bpmn:startEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="Every30Days" targetRef="Inspect" />
            <bpmn:userTask id="Inspect" />
            <bpmn:sequenceFlow id="f2" sourceRef="Inspect" targetRef="End" />
            <bpmn:endEvent id="End" />
          </bpmn:process>
        </bpmn:definitions>
        """;
}
