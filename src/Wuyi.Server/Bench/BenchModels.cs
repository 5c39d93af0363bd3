namespace Wuyi.Server.Bench;

/// <summary>The small BPMN processes the runtime benchmarks run.</summary>
internal static class BenchModels
{
    private const string Header = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="bench" targetNamespace="http://wuyi.bench">
        """;

    /// <summary>The process key of <see cref="Review"/>.</summary>
    public const string ReviewKey = "bench-review";

    /// <summary>The process key of <see cref="Burst"/>.</summary>
    public const string BurstKey = "bench-burst";

    /// <summary>The message name <see cref="Burst"/> waits for.</summary>
    public const string BurstMessage = "BenchBurst";

    /// <summary>The process key of <see cref="Timer"/>.</summary>
    public const string TimerKey = "bench-timer";

    /// <summary>How long <see cref="Timer"/> waits.</summary>
    public static readonly TimeSpan TimerDelay = TimeSpan.FromHours(1);

    /// <summary>start → Review (user task) → end: two transitions, start and complete.</summary>
    public static readonly string Review = Header + """
          <bpmn:process id="bench-review" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Review" />
            <bpmn:userTask id="Review" name="Review" />
            <bpmn:sequenceFlow id="f2" sourceRef="Review" targetRef="End" />
            <bpmn:endEvent id="End" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>start → wait for BenchBurst (correlated by business key) → end.</summary>
    public static readonly string Burst = Header + """
          <bpmn:message id="m1" name="BenchBurst" />
          <bpmn:process id="bench-burst" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Burst" />
            <bpmn:intermediateCatchEvent id="Burst">
              <bpmn:messageEventDefinition messageRef="m1" />
            </bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="f2" sourceRef="Burst" targetRef="End" />
            <bpmn:endEvent id="End" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>The process key of <see cref="Signal"/>.</summary>
    public const string SignalKey = "bench-signal";

    /// <summary>The signal <see cref="Signal"/> waits for.</summary>
    public const string SignalName = "BenchSignal";

    /// <summary>start → wait for the signal BenchSignal → end.</summary>
    public static readonly string Signal = Header + """
          <bpmn:signal id="s1" name="BenchSignal" />
          <bpmn:process id="bench-signal" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Wait" />
            <bpmn:intermediateCatchEvent id="Wait">
              <bpmn:signalEventDefinition signalRef="s1" />
            </bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="f2" sourceRef="Wait" targetRef="End" />
            <bpmn:endEvent id="End" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>start → wait one hour → end: instances started at the same instant fall due at the same instant.</summary>
    public static readonly string Timer = Header + """
          <bpmn:process id="bench-timer" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="OneHour" />
            <bpmn:intermediateCatchEvent id="OneHour">
              <bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="f2" sourceRef="OneHour" targetRef="End" />
            <bpmn:endEvent id="End" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>The business key (and so the correlation key and region code) of the n-th seeded instance: all under region 46.</summary>
    public static string BusinessKey(int n) => $"46{n:D10}";

    /// <summary>The region prefix every <see cref="BusinessKey"/> falls under.</summary>
    public const string RegionPrefix = "46";
}
