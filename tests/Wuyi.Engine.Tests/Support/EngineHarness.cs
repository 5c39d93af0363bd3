using System.Collections.Immutable;
using Wuyi.Engine.Commands;
using Wuyi.Engine.Execution;
using Wuyi.Engine.Model;
using Wuyi.Engine.State;
using Wuyi.Engine.Stimuli;
using Wuyi.Engine.Trace;

namespace Wuyi.Engine.Tests.Support;

/// <summary>Drives one instance through the engine and keeps everything it returned, for assertions.</summary>
internal sealed class EngineHarness
{
    public static readonly DateTimeOffset T0 = new(2022, 8, 24, 9, 0, 0, TimeSpan.FromHours(8));

    private EngineHarness(BpmnDefinitions definitions) => Definitions = definitions;

    public BpmnDefinitions Definitions { get; }
    public InstanceState State { get; private set; } = null!;
    public DateTimeOffset Now { get; set; } = T0;
    public List<TraceEvent> Events { get; } = [];
    public List<EngineCommand> Commands { get; } = [];
    public StepResult Last { get; private set; } = null!;

    public static BpmnDefinitions Parse(string xml)
    {
        var outcome = BpmnDefinitions.Parse(xml);
        Assert.True(outcome.Success, string.Join("\n", outcome.Problems));
        return outcome.Definitions!;
    }

    public static EngineHarness Start(string xml, IReadOnlyDictionary<string, object?>? variables = null, string? businessKey = "bk1",
        string processId = "p", string? startEventId = null, ParentLink? parent = null)
    {
        var h = new EngineHarness(Parse(xml));
        h.Record(ProcessEngine.Start(h.Definitions, processId, new StartRequest("i1", businessKey, variables, startEventId, parent), h.Now));
        return h;
    }

    public StepResult Step(Stimulus stimulus)
    {
        var result = ProcessEngine.Step(Definitions, State, stimulus, Now);
        Record(result);
        return result;
    }

    private void Record(StepResult result)
    {
        Last = result;
        State = result.State;
        Events.AddRange(result.Events);
        Commands.AddRange(result.Commands);
    }

    public WaitInfo Wait(string elementId, WaitKind? kind = null) =>
        State.Waits.FirstOrDefault(w => w.ElementId == elementId && (kind is null || w.Kind == kind))
        ?? throw new Xunit.Sdk.XunitException($"no wait at '{elementId}'; waits: {string.Join(", ", State.Waits.Select(w => $"{w.ElementId}:{w.Kind}"))}");

    public StepResult Complete(string elementId, IReadOnlyDictionary<string, object?>? variables = null) =>
        Step(new CompleteTask(Wait(elementId).WaitId, variables));

    public StepResult CompleteService(string elementId, IReadOnlyDictionary<string, object?>? variables = null) =>
        Step(new ServiceCompleted(Wait(elementId, WaitKind.Service).WaitId, variables));

    public StepResult FailService(string elementId, string code) => Step(new ServiceFailed(Wait(elementId, WaitKind.Service).WaitId, code));

    public StepResult FireTimer(string elementId)
    {
        var wait = Wait(elementId, WaitKind.Timer);
        if (wait.DueAt is { } due && due > Now) Now = due;
        return Step(new TimerFired(wait.WaitId));
    }

    public StepResult Message(string elementId, IReadOnlyDictionary<string, object?>? variables = null) =>
        Step(new MessageReceived(Wait(elementId, WaitKind.Message).WaitId, variables));

    public StepResult Signal(string name, IReadOnlyDictionary<string, object?>? variables = null) => Step(new SignalReceived(name, variables));

    public string[] Active => [.. State.ActiveElementIds];

    public IEnumerable<string> Trace(string type) => Events.Where(e => e.Type == type).Select(e => e.Element ?? "");

    public IEnumerable<string> Started => Trace("activity-started");

    public IEnumerable<string> Lines => Events.Select(TraceEventJson.Serialize);

    public static Dictionary<string, object?> Vars(params (string Name, object? Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value);
}
