using Wuyi.Engine.Model;
using Wuyi.Engine.State;
using Wuyi.Engine.Stimuli;

namespace Wuyi.Engine.Execution;

internal sealed partial class InstanceExecution
{
    /// <summary>Starts the instance at <paramref name="start"/>.</summary>
    public void Start(FlowNode start, IReadOnlyDictionary<string, object?>? variables)
    {
        var initial = VariableMaps.From(variables);
        // camunda:initiator names the variable that holds who started the instance (absent: no one signed in).
        if (start.Initiator is { } initiatorVariable && Initiator is { } initiator) initial = initial.SetItem(initiatorVariable, initiator);
        var root = NewScope(Process.Id, ScopeKind.Process, null, null, initial);
        Emit(NewEvent("instance-started") with { BusinessKey = BusinessKey });
        switch (start.Event.Kind)
        {
            case EventKind.Message:
                Emit(NewEvent("message-correlated", start) with { Name = start.Event.Name, CorrelationKey = BusinessKey });
                break;
            case EventKind.Signal:
                Emit(NewEvent("signal-received", start) with { Name = start.Event.Name });
                break;
            case EventKind.Timer:
                Emit("timer-fired", start);
                break;
        }
        Behaviours.EventSubProcessBehaviour.Subscribe(this, root);
        Enqueue(NewToken(start.Id, root.Id, TokenPhase.Arriving));
        Run();
    }

    /// <summary>Applies a stimulus; returns why it was refused, or null when it was applied.</summary>
    public string? Apply(Stimulus stimulus)
    {
        var refusal = stimulus switch
        {
            CompleteTask c => Trigger(c.WaitId, [WaitKind.UserTask, WaitKind.Receive, WaitKind.Service], c.Variables),
            ServiceCompleted s => Trigger(s.WaitId, [WaitKind.Service], s.Variables),
            ServiceFailed f => Fail(f.WaitId, WaitKind.Service, f.ErrorCode, f.Message),
            TimerFired t => Timer(t.WaitId),
            MessageReceived m => Message(m),
            SignalReceived s => Signal(s),
            ChildCompleted c => ChildDone(c),
            ChildFailed f => Fail(f.WaitId, WaitKind.Child, f.ErrorCode, f.Message),
            ChildTerminated t => ChildGone(t),
            ChildEscalated e => ChildEscalation(e),
            Cancel c => Cancelled(c),
            RetryIncident => Retry(),
            _ => $"unknown stimulus {stimulus.GetType().Name}",
        };
        if (refusal is null) Run();
        return refusal;
    }

    private WaitState? Expect(string waitId, WaitKind[] kinds, out string? refusal)
    {
        var wait = FindWait(waitId);
        refusal = wait is null ? $"no open wait '{waitId}'"
            : !kinds.Contains(wait.Kind) ? $"the wait '{waitId}' is a {wait.Kind} wait"
            : null;
        return refusal is null ? wait : null;
    }

    private string? Trigger(string waitId, WaitKind[] kinds, IReadOnlyDictionary<string, object?>? variables)
    {
        var wait = Expect(waitId, kinds, out var refusal);
        if (wait is null) return refusal;
        TriggerWait(wait, variables, keep: false);
        return null;
    }

    private string? Fail(string waitId, WaitKind kind, string errorCode, string? message)
    {
        var wait = Expect(waitId, [kind], out var refusal);
        if (wait is null) return refusal;
        _waits.Remove(wait.Number);
        var token = _tokens[wait.TokenId!.Value];
        if (PropagateError(token.Id, token.ScopeId, errorCode, message)) return null;
        if (_parent is not null)
        {
            FailToParent(errorCode, message);
            return null;
        }
        Incident(token, $"BPMN error '{errorCode}' was not caught" + (message is null ? "" : $": {message}"), IncidentRetry.Enter);
        return null;
    }

    private string? Timer(string waitId)
    {
        var wait = Expect(waitId, [WaitKind.Timer], out var refusal);
        if (wait is null) return refusal;
        FireTimer(wait);
        return null;
    }

    private string? Message(MessageReceived m)
    {
        var wait = Expect(m.WaitId, [WaitKind.Message], out var refusal);
        if (wait is null) return refusal;
        Emit(NewEvent("message-correlated", Node(wait.ElementId)) with { Name = wait.Name, CorrelationKey = wait.CorrelationKey });
        TriggerWait(wait, m.Variables, Repeats(wait));
        return null;
    }

    private string? Signal(SignalReceived s)
    {
        var matching = _waits.Values.Where(w => w.Kind == WaitKind.Signal && w.Name == s.SignalName).ToList();
        if (matching.Count == 0) return $"no wait for signal '{s.SignalName}'";
        foreach (var wait in matching)
        {
            // An earlier trigger of the same signal may have cancelled this wait (an interrupting boundary, say).
            if (_ended || !_waits.ContainsKey(wait.Number)) continue;
            Emit(NewEvent("signal-received", Node(wait.ElementId)) with { Name = s.SignalName });
            TriggerWait(wait, s.Variables, Repeats(wait));
        }
        return null;
    }

    /// <summary>
    /// Throws a signal. BPMN broadcasts it at the moment of the throw, so this instance's catchers that wait for it
    /// now — boundary events, event sub-process starts, catch events — are triggered within this step (with the
    /// variables they already see); other instances and signal start events receive it through the runtime, which
    /// delivers the broadcast to every instance but this one.
    /// </summary>
    public void ThrowSignal(TokenState token, FlowNode node)
    {
        var name = node.Event.Name!;
        Command(new Commands.BroadcastSignal(node.Id, name, VisibleVariables(token.Id)));
        foreach (var wait in _waits.Values.Where(w => w.Kind == WaitKind.Signal && w.Name == name).ToList())
        {
            if (_ended || !_waits.ContainsKey(wait.Number)) continue;
            Emit(NewEvent("signal-received", Node(wait.ElementId)) with { Name = name });
            TriggerWait(wait, null, Repeats(wait));
        }
    }

    private string? ChildDone(ChildCompleted c)
    {
        var wait = Expect(c.WaitId, [WaitKind.Child], out var refusal);
        if (wait is null) return refusal;
        var token = _tokens[wait.TokenId!.Value];
        if (!Behaviours.CallActivityBehaviour.MapOutputs(this, token, Node(wait.ElementId), c.ChildVariables)) return null;
        TriggerWait(wait, null, keep: false);
        return null;
    }

    // The call activity keeps waiting for its child unless an interrupting catch cancels it.
    private string? ChildEscalation(ChildEscalated e)
    {
        var wait = Expect(e.WaitId, [WaitKind.Child], out var refusal);
        if (wait is null) return refusal;
        var token = _tokens[wait.TokenId!.Value];
        PropagateEscalation(token.Id, token.ScopeId, e.EscalationCode);
        return null;
    }

    private string? ChildGone(ChildTerminated t)
    {
        var wait = Expect(t.WaitId, [WaitKind.Child], out var refusal);
        if (wait is null) return refusal;
        _waits.Remove(wait.Number);
        Incident(_tokens[wait.TokenId!.Value], "the called instance was terminated" + (t.Reason is null ? "" : $": {t.Reason}"), IncidentRetry.Enter);
        return null;
    }

    private string? Cancelled(Cancel c)
    {
        CancelInstance(c.Reason);
        return null;
    }

    private string? Retry()
    {
        if (_incidents.Count == 0) return "the instance has no incident";
        RetryIncidents();
        return null;
    }
}
