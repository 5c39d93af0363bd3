namespace Wuyi.Server.Tests.Durability;

/// <summary>The BPMN models the durability tests run, with short real timers (the server runs on the system clock).</summary>
internal static class DurabilityModels
{
    /// <summary>The message the models wait for, correlated by business key.</summary>
    public const string MessageName = "Reported";

    /// <summary>start → A (user task) → Wait (timer PT2S) → B (user task) → Reported (message) → end.</summary>
    public static readonly DurabilityModel Sequential = new("crash-seq", ["A", "B"], "Wait", "Reported", Stimuli: 4, Document("""
          <bpmn:process id="crash-seq" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="A" />
            <bpmn:userTask id="A" />
            <bpmn:sequenceFlow id="f2" sourceRef="A" targetRef="Wait" />
            <bpmn:intermediateCatchEvent id="Wait">
              <bpmn:timerEventDefinition><bpmn:timeDuration>PT2S</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="f3" sourceRef="Wait" targetRef="B" />
            <bpmn:userTask id="B" />
            <bpmn:sequenceFlow id="f4" sourceRef="B" targetRef="Reported" />
            <bpmn:intermediateCatchEvent id="Reported">
              <bpmn:messageEventDefinition messageRef="m1" />
            </bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="f5" sourceRef="Reported" targetRef="End" />
            <bpmn:endEvent id="End" />
          </bpmn:process>
        """));

    /// <summary>start → fork → (A) and (Wait PT2S → C) → join → Reported (message) → end.</summary>
    public static readonly DurabilityModel Parallel = new("crash-par", ["A", "C"], "Wait", "Reported", Stimuli: 4, Document("""
          <bpmn:process id="crash-par" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Fork" />
            <bpmn:parallelGateway id="Fork" />
            <bpmn:sequenceFlow id="f2" sourceRef="Fork" targetRef="A" />
            <bpmn:sequenceFlow id="f3" sourceRef="Fork" targetRef="Wait" />
            <bpmn:userTask id="A" />
            <bpmn:sequenceFlow id="f4" sourceRef="A" targetRef="Join" />
            <bpmn:intermediateCatchEvent id="Wait">
              <bpmn:timerEventDefinition><bpmn:timeDuration>PT2S</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="f5" sourceRef="Wait" targetRef="C" />
            <bpmn:userTask id="C" />
            <bpmn:sequenceFlow id="f6" sourceRef="C" targetRef="Join" />
            <bpmn:parallelGateway id="Join" />
            <bpmn:sequenceFlow id="f7" sourceRef="Join" targetRef="Reported" />
            <bpmn:intermediateCatchEvent id="Reported">
              <bpmn:messageEventDefinition messageRef="m1" />
            </bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="f8" sourceRef="Reported" targetRef="End" />
            <bpmn:endEvent id="End" />
          </bpmn:process>
        """));

    /// <summary>start → Wait (timer PT2S) → Check (user task) → end: the two-node model.</summary>
    public static readonly DurabilityModel Timed = new("two-node", ["Check"], "Wait", null, Stimuli: 2, Document("""
          <bpmn:process id="two-node" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Wait" />
            <bpmn:intermediateCatchEvent id="Wait">
              <bpmn:timerEventDefinition><bpmn:timeDuration>PT2S</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="f2" sourceRef="Wait" targetRef="Check" />
            <bpmn:userTask id="Check" />
            <bpmn:sequenceFlow id="f3" sourceRef="Check" targetRef="End" />
            <bpmn:endEvent id="End" />
          </bpmn:process>
        """));

    /// <summary>start → B (user task) → Reported (message) → end: the message may come while B is being completed.</summary>
    public static readonly DurabilityModel Race = new("message-race", ["B"], null, "Reported", Stimuli: 2, Document("""
          <bpmn:process id="message-race" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="B" />
            <bpmn:userTask id="B" />
            <bpmn:sequenceFlow id="f2" sourceRef="B" targetRef="Reported" />
            <bpmn:intermediateCatchEvent id="Reported">
              <bpmn:messageEventDefinition messageRef="m1" />
            </bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="f3" sourceRef="Reported" targetRef="End" />
            <bpmn:endEvent id="End" />
          </bpmn:process>
        """));

    private static string Document(string process) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="durability" targetNamespace="http://wuyi.test/durability">
          <bpmn:message id="m1" name="{MessageName}" />
        {process}
        </bpmn:definitions>
        """;
}

/// <summary>A model and what one run of it to the end must consist of.</summary>
/// <param name="Key">The process key.</param>
/// <param name="UserTasks">Its user task elements, each done exactly once per instance.</param>
/// <param name="Timer">Its timer element, fired exactly once per instance, if any.</param>
/// <param name="Message">Its message catch element (message <see cref="DurabilityModels.MessageName"/>), if any.</param>
/// <param name="Stimuli">How many stimuli after the start carry an instance to its end (so its final revision is 1 + this).</param>
/// <param name="Xml">The BPMN document.</param>
internal sealed record DurabilityModel(string Key, IReadOnlyList<string> UserTasks, string? Timer, string? Message, int Stimuli, string Xml);
