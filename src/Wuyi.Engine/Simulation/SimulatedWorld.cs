using Wuyi.Engine.Execution;
using Wuyi.Engine.Model;
using Wuyi.Engine.State;
using Wuyi.Engine.Stimuli;
using Wuyi.Engine.Timers;
using Wuyi.Engine.Trace;
using Wuyi.Expressions;

namespace Wuyi.Engine.Simulation;

/// <summary>
/// The in-memory stand-in for the durable runtime: it holds the instances, the virtual clock, the open tasks
/// and the timers, applies stimuli through <see cref="ProcessEngine"/> and carries out the commands that come
/// back, in order. Follow-up work (a service completing, a child reporting to its parent) is queued and run
/// before the next scenario step.
/// </summary>
internal sealed partial class SimulatedWorld
{
    private readonly ModelLibrary _models;
    private readonly Scenario _scenario;
    private readonly Action<string> _write;
    private readonly List<SimulatedInstance> _instances = [];
    private readonly Dictionary<string, SimulatedInstance> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _childNames = new(StringComparer.Ordinal);
    private readonly List<OpenTask> _tasks = [];
    private readonly List<PendingTimer> _timers = [];
    private readonly Queue<Action> _pending = new();
    private long _sequence;
    private int _names;

    public SimulatedWorld(ModelLibrary models, Scenario scenario, Action<string> write, int followUpBudget = DefaultFollowUpBudget)
    {
        _followUpBudget = followUpBudget;
        _models = models;
        _scenario = scenario;
        _write = write;
        Now = scenario.Start;
    }

    public DateTimeOffset Now { get; private set; }

    /// <summary>Most follow-ups (or timer firings) one scenario step may cause before the run is judged runaway.</summary>
    public const int DefaultFollowUpBudget = 10_000;

    private readonly int _followUpBudget;

    /// <summary>Set when a step caused more follow-ups than the budget: messages or signals
    /// bouncing between instances, or a timer cycle far shorter than the time advanced.</summary>
    public string? Runaway { get; private set; }

    public IReadOnlyList<SimulatedInstance> Instances => _instances;

    /// <summary>Starts the scenario's instance, or, for a process without a none start, arms its timer starts.</summary>
    public void Begin(ProcessDefinition process)
    {
        if (process.StartTriggers.Any(t => t.Kind == StartTriggerKind.None))
            StartInstance(_models.Main, process.Id, _scenario.BusinessKey, _scenario.Variables, null, null);
        else
            foreach (var trigger in process.StartTriggers.Where(t => t.Kind == StartTriggerKind.Timer))
                ArmTimerStart(_models.Main, process, trigger.ElementId, Now, null, 0);
        Settle();
    }

    private void ArmTimerStart(BpmnDefinitions definitions, ProcessDefinition process, string startEventId, DateTimeOffset after,
        string? cycle, int remaining)
    {
        TimerPlan? plan;
        if (cycle is null)
        {
            var timer = process.Nodes[startEventId].Event.Timer!;
            plan = TimerSchedule.First(timer.Kind, timer.Source.Text, after, out _);
        }
        else plan = TimerSchedule.Next(cycle, after, remaining);
        if (plan is null) return;
        _timers.Add(new PendingTimer(plan.DueAt, _sequence++, null, null, definitions, process.Id, startEventId, plan.Cycle, plan.RemainingAfter));
    }

    public SimulatedInstance? StartInstance(BpmnDefinitions definitions, string processId, string? businessKey,
        IReadOnlyDictionary<string, object?>? variables, string? startEventId, ParentLink? parent, string? name = null)
    {
        name ??= NextName();
        var result = ProcessEngine.Start(definitions, processId, new StartRequest(name, businessKey, variables, startEventId, parent), Now);
        var instance = new SimulatedInstance(name, definitions, result.State);
        _instances.Add(instance);
        _byName[name] = instance;
        Record(instance, result);
        return instance;
    }

    private string NextName() => $"i{++_names}";

    /// <summary>Applies a stimulus; false when the engine refused it (a stale wait, an ended instance).</summary>
    public bool Apply(SimulatedInstance instance, Stimulus stimulus)
    {
        var result = ProcessEngine.Step(instance.Definitions, instance.State, stimulus, Now);
        if (!result.Applied) return false;
        instance.State = result.State;
        Record(instance, result);
        return true;
    }

    private void Record(SimulatedInstance instance, StepResult result)
    {
        instance.State = result.State;
        // Child instances are named i2, i3… in the order they start; the engine's own child ids are mapped.
        foreach (var start in result.Commands.OfType<Commands.StartChild>())
            _childNames[start.ChildInstanceId] = NextName();
        foreach (var e in result.Events)
            Write(e.Child is { } child && _childNames.TryGetValue(child, out var name) ? e with { Child = name } : e);
        foreach (var command in result.Commands) Carry(instance, command);
    }

    public void Write(TraceEvent e) => _write(TraceEventJson.Serialize(e));

    /// <summary>Runs queued follow-up work and fires timers already due, until nothing is left.</summary>
    public void Settle()
    {
        var guard = 0;
        while (Runaway is null)
        {
            if (++guard > _followUpBudget)
            {
                Runaway = $"more than {_followUpBudget} follow-ups at {IsoInstant.Format(Now)}: messages or signals keep bouncing between instances";
                return;
            }
            if (_pending.TryDequeue(out var work)) { work(); continue; }
            var due = _timers.Where(t => t.DueAt <= Now).OrderBy(t => t.DueAt).ThenBy(t => t.Sequence).FirstOrDefault();
            if (due is null) return;
            Fire(due);
        }
    }

    /// <summary>Moves the clock forward; each timer that falls due fires at its own due time, in due order.</summary>
    public void Advance(IsoDuration duration)
    {
        var target = duration.TryAddTo(Now, out var end) ? end : DateTimeOffset.MaxValue;
        var guard = 0;
        while (Runaway is null)
        {
            if (++guard > _followUpBudget)
            {
                Runaway = $"more than {_followUpBudget} timers fell due by {IsoInstant.Format(Now)}: a cycle far shorter than the time advanced";
                return;
            }
            var due = _timers.Where(t => t.DueAt <= target).OrderBy(t => t.DueAt).ThenBy(t => t.Sequence).FirstOrDefault();
            if (due is null) break;
            if (due.DueAt > Now) Now = due.DueAt;
            Fire(due);
            Settle();
        }
        Now = target;
        Settle();
    }

    private void Fire(PendingTimer timer)
    {
        _timers.Remove(timer);
        if (timer.Instance is { } instance)
        {
            Apply(instance, new TimerFired(timer.WaitId!));
            return;
        }
        var process = timer.StartDefinitions!.Processes[timer.ProcessId!];
        StartInstance(timer.StartDefinitions, process.Id, null, null, timer.StartEventId, null);
        if (timer.Cycle is not null) ArmTimerStart(timer.StartDefinitions, process, timer.StartEventId!, timer.DueAt, timer.Cycle, timer.Remaining);
    }

    public IEnumerable<OpenTask> OpenTasks => _tasks;

    public void Enqueue(Action work) => _pending.Enqueue(work);
}
