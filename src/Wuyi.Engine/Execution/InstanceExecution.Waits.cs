using System.Globalization;
using Wuyi.Engine.Commands;
using Wuyi.Engine.Model;
using Wuyi.Engine.State;

namespace Wuyi.Engine.Execution;

internal sealed partial class InstanceExecution
{
    public WaitState AddWait(WaitKind kind, WaitRole role, string elementId, int? tokenId, int? scopeId,
        Func<WaitState, WaitState>? configure = null)
    {
        var wait = new WaitState(++_nextWait, kind, role, elementId, tokenId, scopeId);
        if (configure is not null) wait = configure(wait);
        _waits[wait.Number] = wait;
        return wait;
    }

    public void UpdateWait(WaitState wait) => _waits[wait.Number] = wait;

    public string WaitId(int number) => $"{InstanceId}/w{number}";

    public IEnumerable<WaitState> Waits => _waits.Values;

    private WaitState? FindWait(string waitId)
    {
        var prefix = InstanceId + "/w";
        if (!waitId.StartsWith(prefix, StringComparison.Ordinal)
            || !int.TryParse(waitId.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return null;
        return _waits.GetValueOrDefault(number);
    }

    /// <summary>A wait that ends without being triggered: the runtime is told to withdraw it.</summary>
    public void CancelWait(WaitState wait)
    {
        if (!_waits.Remove(wait.Number)) return;
        var id = WaitId(wait.Number);
        EngineCommand? command = wait.Kind switch
        {
            WaitKind.UserTask => new CancelUserTask(id),
            WaitKind.Service => new CancelService(id),
            WaitKind.Timer => new CancelTimer(id),
            WaitKind.Message or WaitKind.Signal or WaitKind.Receive => new CancelSubscription(id),
            WaitKind.Child when wait.ChildInstanceId is not null => new CancelChild(wait.ChildInstanceId),
            _ => null,
        };
        if (command is not null) Command(command);
    }

    public void CancelOwnedWaits(int tokenId)
    {
        foreach (var w in _waits.Values.Where(w => w.TokenId == tokenId).ToList()) CancelWait(w);
    }

    public void CancelOwnedWaits(int tokenId, WaitRole role)
    {
        foreach (var w in _waits.Values.Where(w => w.TokenId == tokenId && w.Role == role).ToList()) CancelWait(w);
    }

    public void CancelScopeWaits(int scopeId)
    {
        foreach (var w in _waits.Values.Where(w => w.ScopeId == scopeId).ToList()) CancelWait(w);
    }

    /// <summary>
    /// The event a wait stood for has happened. <paramref name="keep"/> leaves the wait open (a non-interrupting
    /// event that may happen again); otherwise it is consumed, and no cancel command is issued for it.
    /// </summary>
    private void TriggerWait(WaitState wait, IReadOnlyDictionary<string, object?>? variables, bool keep)
    {
        if (!keep) _waits.Remove(wait.Number);
        var node = Node(wait.ElementId);
        switch (wait.Role)
        {
            case WaitRole.Activity:
                var token = _tokens[wait.TokenId!.Value];
                SetVariables(token.Id, variables);
                CompleteActivity(_tokens[token.Id]);
                break;
            case WaitRole.Boundary:
                Behaviours.BoundaryEventBehaviour.Fire(this, _tokens[wait.TokenId!.Value], node, variables);
                break;
            case WaitRole.EventGateway:
                Behaviours.EventBasedGatewayBehaviour.Choose(this, _tokens[wait.TokenId!.Value], node, variables);
                break;
            default:
                Behaviours.EventSubProcessBehaviour.Start(this, wait.ScopeId!.Value, node, variables);
                break;
        }
    }

    /// <summary>Whether a triggered wait stays open: only non-interrupting boundary and event sub-process events repeat.</summary>
    private bool Repeats(WaitState wait) =>
        wait.Role is WaitRole.Boundary or WaitRole.EventSubProcessStart && !Node(wait.ElementId).Interrupting;

    private void FireTimer(WaitState wait)
    {
        var node = Node(wait.ElementId);
        Emit("timer-fired", node);
        var keep = false;
        if (Repeats(wait) && wait.Cycle is not null
            && Timers.TimerSchedule.Next(wait.Cycle, wait.DueAt ?? Now, wait.Remaining) is { } next)
        {
            keep = true;
            UpdateWait(wait with { DueAt = next.DueAt, Remaining = next.RemainingAfter });
            Command(new ScheduleTimer(WaitId(wait.Number), node.Id, next.DueAt, next.Cycle));
            Emit(NewEvent("timer-scheduled", node) with { DueAt = next.DueAt });
        }
        TriggerWait(wait, null, keep);
    }
}
