using Wuyi.Engine.Commands;
using Wuyi.Engine.Model;
using Wuyi.Engine.State;
using Wuyi.Engine.Timers;

namespace Wuyi.Engine.Execution.Behaviours;

/// <summary>
/// Opens the wait for a timer, message, signal or conditional event — a catch event, a boundary event, an event-based
/// gateway's branch or an event sub-process's start — and tells the runtime about it.
/// </summary>
internal static class EventWaits
{
    /// <summary>Returns false when the event's timer or correlation key could not be evaluated (an incident is raised).</summary>
    public static bool Subscribe(InstanceExecution run, int? tokenId, int? scopeId, FlowNode node, WaitRole role)
    {
        var evaluationScope = scopeId ?? run.Token(tokenId!.Value).ScopeId;
        switch (node.Event.Kind)
        {
            case EventKind.Timer:
                var text = run.Evaluate(node.Event.Timer!.Source, tokenId, evaluationScope);
                string? error = text.Error;
                TimerPlan? plan = null;
                if (text.Success) plan = TimerSchedule.First(node.Event.Timer.Kind, text.Value as string ?? Convert.ToString(text.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "", run.Now, out error);
                if (plan is null) return Fail(run, tokenId, node, $"the timer of '{node.Id}' cannot be scheduled: {error}");
                // A literal cycle was checked at deployment; one computed by an expression is checked here.
                var minimum = run.Definitions.Options.Limits.MinCycleInterval;
                if (plan.Cycle is not null && TimerSchedule.ShortestInterval(plan.Cycle, run.Now) is { } every && every < minimum)
                    return Fail(run, tokenId, node, $"the timer cycle '{plan.Cycle}' of '{node.Id}' repeats more often than the minimum of {minimum}");
                var timer = run.AddWait(WaitKind.Timer, role, node.Id, tokenId, scopeId, w => w with
                {
                    DueAt = plan.DueAt,
                    Cycle = plan.Cycle,
                    Remaining = plan.RemainingAfter,
                });
                run.Command(new ScheduleTimer(run.WaitId(timer.Number), node.Id, plan.DueAt, plan.Cycle));
                run.Emit(run.NewEvent("timer-scheduled", node) with { DueAt = plan.DueAt });
                return true;
            case EventKind.Message:
                var key = run.BusinessKey;
                if (node.CorrelationKey is not null)
                {
                    var result = run.Evaluate(node.CorrelationKey, tokenId, evaluationScope);
                    if (!result.Success) return Fail(run, tokenId, node, $"the correlation key of '{node.Id}' failed: {result.Error}");
                    key = result.Value as string ?? Convert.ToString(result.Value, System.Globalization.CultureInfo.InvariantCulture);
                }
                var message = run.AddWait(WaitKind.Message, role, node.Id, tokenId, scopeId, w => w with { Name = node.Event.Name, CorrelationKey = key });
                run.Command(new SubscribeMessage(run.WaitId(message.Number), node.Id, node.Event.Name!, key));
                run.Emit(run.NewEvent("message-waiting", node) with { Name = node.Event.Name, CorrelationKey = key });
                return true;
            case EventKind.Signal:
                var signal = run.AddWait(WaitKind.Signal, role, node.Id, tokenId, scopeId, w => w with { Name = node.Event.Name });
                run.Command(new SubscribeSignal(run.WaitId(signal.Number), node.Id, node.Event.Name!));
                return true;
            case EventKind.Conditional:
                // Evaluated once the step's paths have all run, with every variable they set in view.
                run.ConditionOpened(run.AddWait(WaitKind.Conditional, role, node.Id, tokenId, scopeId));
                return true;
            default:
                return true;
        }
    }

    private static bool Fail(InstanceExecution run, int? tokenId, FlowNode node, string message)
    {
        if (tokenId is { } t && run.TryGetToken(t, out var token)) run.Incident(token, message, IncidentRetry.Enter);
        else
        {
            // An event sub-process start has no token to hold; the incident is reported and the start stays closed.
            run.Command(new RaiseIncident(node.Id, message));
            run.Emit(run.NewEvent("incident", node) with { Message = message });
        }
        return false;
    }
}
