using Wuyi.Engine.Commands;
using Wuyi.Engine.Model;
using Wuyi.Engine.Stimuli;
using Wuyi.Engine.Trace;

namespace Wuyi.Engine.Simulation;

internal sealed partial class SimulatedWorld
{
    private void Carry(SimulatedInstance instance, EngineCommand command)
    {
        switch (command)
        {
            case CreateUserTask task:
                _tasks.Add(new OpenTask(task.WaitId, task.ElementId, instance, task.Assignee, _sequence++, IsService: false));
                break;
            case CancelUserTask cancel:
                _tasks.RemoveAll(t => t.WaitId == cancel.WaitId);
                break;
            case ScheduleTimer timer:
                _timers.RemoveAll(t => t.WaitId == timer.WaitId);
                _timers.Add(new PendingTimer(timer.DueAt, _sequence++, instance, timer.WaitId, null, null, null, null, 0));
                break;
            case CancelTimer cancel:
                _timers.RemoveAll(t => t.WaitId == cancel.WaitId);
                break;
            case InvokeService invoke:
                Invoke(instance, invoke);
                break;
            case CancelService cancel:
                _tasks.RemoveAll(t => t.WaitId == cancel.WaitId);
                break;
            case StartChild start:
                _pending.Enqueue(() => StartChild(instance, start));
                break;
            case CancelChild cancel:
                if (_childNames.TryGetValue(cancel.ChildInstanceId, out var childName) && _byName.TryGetValue(childName, out var child))
                    _pending.Enqueue(() => Apply(child, new Cancel("the parent was cancelled")));
                break;
            case ThrowMessage message:
                _pending.Enqueue(() => Correlate(message.MessageName, message.CorrelationKey, message.Variables));
                break;
            case BroadcastSignal signal:
                // The thrower has caught its own signal within its step (InstanceExecution.ThrowSignal).
                _pending.Enqueue(() => Broadcast(signal.SignalName, signal.Variables, instance));
                break;
            case ReportToParent report when _byName.TryGetValue(report.ParentInstanceId, out var parent):
                Stimulus stimulus = report.Outcome switch
                {
                    ChildOutcome.Completed => new ChildCompleted(report.ParentWaitId, report.Variables),
                    ChildOutcome.Failed => new ChildFailed(report.ParentWaitId, report.ErrorCode ?? "", report.Message),
                    ChildOutcome.Escalated => new ChildEscalated(report.ParentWaitId, report.ErrorCode),
                    _ => new ChildTerminated(report.ParentWaitId, report.Message),
                };
                _pending.Enqueue(() => Apply(parent, stimulus));
                break;
        }
    }

    // Services behave as the scenario says: complete at once with variables, throw an error, or wait.
    private void Invoke(SimulatedInstance instance, InvokeService invoke)
    {
        var script = _scenario.Services.GetValueOrDefault(invoke.ElementId);
        if (script is { Wait: true })
        {
            _tasks.Add(new OpenTask(invoke.WaitId, invoke.ElementId, instance, null, _sequence++, IsService: true));
            return;
        }
        Stimulus stimulus = script?.Error is { } code
            ? new ServiceFailed(invoke.WaitId, code)
            : new ServiceCompleted(invoke.WaitId, script?.Variables);
        _pending.Enqueue(() => Apply(instance, stimulus));
    }

    private void StartChild(SimulatedInstance parent, StartChild start)
    {
        var definitions = _models.For(start.CalledElement, out var error);
        if (definitions is null)
        {
            Apply(parent, new ChildTerminated(start.WaitId, error));
            return;
        }
        StartInstance(definitions, start.CalledElement, start.BusinessKey, start.Variables, null,
            new State.ParentLink(parent.Name, start.WaitId), _childNames[start.ChildInstanceId]);
    }

    /// <summary>
    /// Correlates a message to the first waiting instance whose subscription matches its name and key (without a
    /// key, by name alone), else starts an instance at a matching message start event, else reports it unmatched.
    /// </summary>
    public void Correlate(string name, string? key, IReadOnlyDictionary<string, object?>? variables)
    {
        foreach (var instance in _instances.Where(i => !i.State.HasEnded).ToList())
        {
            var wait = instance.State.Waits.FirstOrDefault(w => w.Kind == State.WaitKind.Message && w.Name == name
                && (key is null || w.CorrelationKey == key));
            if (wait is not null && Apply(instance, new MessageReceived(wait.WaitId, variables))) return;
        }
        foreach (var definitions in new[] { _models.Main }.Concat(_models.Loaded).Distinct())
        foreach (var process in definitions.ExecutableProcesses)
        {
            var trigger = process.StartTriggers.FirstOrDefault(t => t.Kind == StartTriggerKind.Message && t.Name == name);
            if (trigger is null) continue;
            StartInstance(definitions, process.Id, key, variables, trigger.ElementId, null);
            return;
        }
        Write(new TraceEvent(Now, "message-unmatched") { Name = name, CorrelationKey = key });
    }

    /// <summary>Broadcasts a signal to every instance waiting for it and to signal start events.</summary>
    public void Broadcast(string name, IReadOnlyDictionary<string, object?>? variables, SimulatedInstance? thrower = null)
    {
        foreach (var instance in _instances.Where(i => !i.State.HasEnded && i != thrower).ToList())
            if (instance.State.Waits.Any(w => w.Kind == State.WaitKind.Signal && w.Name == name))
                Apply(instance, new SignalReceived(name, variables));
        foreach (var definitions in new[] { _models.Main }.Concat(_models.Loaded).Distinct())
        foreach (var process in definitions.ExecutableProcesses)
        foreach (var trigger in process.StartTriggers.Where(t => t.Kind == StartTriggerKind.Signal && t.Name == name))
            StartInstance(definitions, process.Id, null, variables, trigger.ElementId, null);
    }

    /// <summary>Takes an open task (first created among those that match) off the list.</summary>
    public OpenTask? TakeTask(string elementId, string? businessKey, string? instanceName, string? assignee, bool serviceOnly)
    {
        var task = _tasks.Where(t => t.ElementId == elementId && (!serviceOnly || t.IsService)
                && (businessKey is null || t.Instance.State.BusinessKey == businessKey)
                && (instanceName is null || t.Instance.Name == instanceName)
                && (assignee is null || t.Assignee == assignee))
            .OrderBy(t => t.Sequence).FirstOrDefault();
        if (task is not null) _tasks.Remove(task);
        return task;
    }

    public SimulatedInstance? Find(string? instanceName, string? businessKey) =>
        instanceName is not null ? _byName.GetValueOrDefault(instanceName)
        : businessKey is not null ? _instances.FirstOrDefault(i => i.State.BusinessKey == businessKey)
        : _instances.FirstOrDefault();
}
