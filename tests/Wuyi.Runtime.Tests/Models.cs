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

    /// <summary>start → wait for the signal ZoneLifted → end.</summary>
    public static readonly string SignalWait = Header + """
          <bpmn:signal id="s1" name="ZoneLifted" />
          <bpmn:process id="signal-wait" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Lifted" />
            <bpmn:intermediateCatchEvent id="Lifted">
              <bpmn:signalEventDefinition signalRef="s1" />
            </bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="f2" sourceRef="Lifted" targetRef="End" />
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

    /// <summary>
    /// parent → CallChild (call activity; escalation FINDING: non-interrupting boundary → FollowUp; ABANDONED:
    /// interrupting → TakeOver) → end. child → Inspect → throws FINDING → Conclude → ${abandoned}: escalation
    /// end ABANDONED, else end.
    /// </summary>
    public static readonly string ParentAndEscalatingChild = Header + """
          <bpmn:escalation id="eFinding" escalationCode="FINDING" />
          <bpmn:escalation id="eAbandoned" escalationCode="ABANDONED" />
          <bpmn:process id="parent" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="CallChild" />
            <bpmn:callActivity id="CallChild" calledElement="child" />
            <bpmn:boundaryEvent id="Finding" attachedToRef="CallChild" cancelActivity="false">
              <bpmn:escalationEventDefinition escalationRef="eFinding" />
            </bpmn:boundaryEvent>
            <bpmn:boundaryEvent id="Abandoned" attachedToRef="CallChild">
              <bpmn:escalationEventDefinition escalationRef="eAbandoned" />
            </bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="f2" sourceRef="CallChild" targetRef="End" />
            <bpmn:sequenceFlow id="f3" sourceRef="Finding" targetRef="FollowUp" />
            <bpmn:sequenceFlow id="f4" sourceRef="Abandoned" targetRef="TakeOver" />
            <bpmn:userTask id="FollowUp" />
            <bpmn:userTask id="TakeOver" />
            <bpmn:endEvent id="End" />
          </bpmn:process>
          <bpmn:process id="child" isExecutable="true">
            <bpmn:startEvent id="ChildStart" />
            <bpmn:sequenceFlow id="c1" sourceRef="ChildStart" targetRef="Inspect" />
            <bpmn:userTask id="Inspect" />
            <bpmn:sequenceFlow id="c2" sourceRef="Inspect" targetRef="ReportFinding" />
            <bpmn:intermediateThrowEvent id="ReportFinding"><bpmn:escalationEventDefinition escalationRef="eFinding" /></bpmn:intermediateThrowEvent>
            <bpmn:sequenceFlow id="c3" sourceRef="ReportFinding" targetRef="Conclude" />
            <bpmn:userTask id="Conclude" />
            <bpmn:sequenceFlow id="c4" sourceRef="Conclude" targetRef="GiveUp" />
            <bpmn:exclusiveGateway id="GiveUp" default="c6" />
            <bpmn:sequenceFlow id="c5" sourceRef="GiveUp" targetRef="GivenUp">
              <bpmn:conditionExpression>${abandoned}</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="c6" sourceRef="GiveUp" targetRef="ChildEnd" />
            <bpmn:endEvent id="GivenUp"><bpmn:escalationEventDefinition escalationRef="eAbandoned" /></bpmn:endEvent>
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
