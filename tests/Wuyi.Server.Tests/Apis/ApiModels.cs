namespace Wuyi.Server.Tests.Apis;

/// <summary>Small BPMN models the API tests deploy.</summary>
internal static class ApiModels
{
    private const string Header = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://wuyi.test">
        """;

    /// <summary>start → Review (user task for township reviewers) → end.</summary>
    public static readonly string Review = Header + """
          <bpmn:process id="review" name="Review" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Review" />
            <bpmn:userTask id="Review" name="Township review" camunda:candidateGroups="township-reviewer,county-reviewer" />
            <bpmn:sequenceFlow id="f2" sourceRef="Review" targetRef="End" />
            <bpmn:endEvent id="End" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>Like <see cref="Review"/> but a different document (a second version).</summary>
    public static readonly string ReviewRenamed = Review.Replace("Township review", "Township review (v2)", StringComparison.Ordinal);

    /// <summary>An invalid model: a flow to nowhere and a gateway with no way out.</summary>
    public static readonly string Broken = Header + """
          <bpmn:process id="broken" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Nowhere" />
            <bpmn:exclusiveGateway id="Gateway_1" />
            <bpmn:sequenceFlow id="f2" sourceRef="Start" targetRef="Gateway_1" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>start → wait for CloseContactReported (correlated by business key) → Follow-up task → end.</summary>
    public static readonly string Contact = Header + """
          <bpmn:message id="m1" name="CloseContactReported" />
          <bpmn:process id="contact" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Reported" />
            <bpmn:intermediateCatchEvent id="Reported">
              <bpmn:messageEventDefinition messageRef="m1" />
            </bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="f2" sourceRef="Reported" targetRef="FollowUp" />
            <bpmn:userTask id="FollowUp" />
            <bpmn:sequenceFlow id="f3" sourceRef="FollowUp" targetRef="End" />
            <bpmn:endEvent id="End" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>Two timer processes: <c>week</c> waits P7D, <c>days</c> waits P2D, each then at a user task.</summary>
    public static readonly string Timers = Header + """
          <bpmn:process id="week" isExecutable="true">
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
          <bpmn:process id="days" isExecutable="true">
            <bpmn:startEvent id="DStart" />
            <bpmn:sequenceFlow id="d1" sourceRef="DStart" targetRef="TwoDays" />
            <bpmn:intermediateCatchEvent id="TwoDays">
              <bpmn:timerEventDefinition><bpmn:timeDuration>P2D</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="d2" sourceRef="TwoDays" targetRef="Check" />
            <bpmn:userTask id="Check" />
            <bpmn:sequenceFlow id="d3" sourceRef="Check" targetRef="DEnd" />
            <bpmn:endEvent id="DEnd" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>start → Publish (external service task, topic api-test-publish) → end.</summary>
    public static readonly string Publish = Header + """
          <bpmn:process id="publish" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Publish" />
            <bpmn:serviceTask id="Publish" camunda:type="external" camunda:topic="api-test-publish" />
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

    /// <summary>start → wait for the ProvinceWideAlert signal → end.</summary>
    public static readonly string Alert = Header + """
          <bpmn:signal id="s1" name="ProvinceWideAlert" />
          <bpmn:process id="alert" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Alerted" />
            <bpmn:intermediateCatchEvent id="Alerted">
              <bpmn:signalEventDefinition signalRef="s1" />
            </bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="f2" sourceRef="Alerted" targetRef="End" />
            <bpmn:endEvent id="End" />
          </bpmn:process>
        </bpmn:definitions>
        """;
}
