using System.Collections.Immutable;
using Wuyi.Engine.Model;
using Wuyi.Expressions;

namespace Wuyi.Engine.Timers;

/// <summary>
/// The schedule of timer start events (date, duration, cycle, cron), for a runtime that keeps it durably:
/// the first firings of a newly deployed process, and each firing's successor.
/// </summary>
public static class TimerStarts
{
    /// <summary>The first firing of each timer start event of <paramref name="processId"/>, computed at <paramref name="now"/>.</summary>
    public static ImmutableArray<TimerStartDue> First(BpmnDefinitions definitions, string processId, DateTimeOffset now)
    {
        if (!definitions.Processes.TryGetValue(processId, out var process))
            return [];
        var result = ImmutableArray.CreateBuilder<TimerStartDue>();
        foreach (var trigger in process.StartTriggers.Where(t => t.Kind == StartTriggerKind.Timer))
        {
            if (process.Nodes[trigger.ElementId].Event.Timer is not { } timer)
                continue;
            // A start event sees no instance variables: its timer text is a literal or uses functions only.
            var text = timer.Source.Evaluate(EvaluationContext.For(new Dictionary<string, object?>(), now));
            if (text.Value?.ToString() is not { } value || TimerSchedule.First(timer.Kind, value, now, out _) is not { } plan)
                continue;
            result.Add(new TimerStartDue(processId, trigger.ElementId, plan.DueAt, plan.Cycle, plan.RemainingAfter));
        }
        return result.ToImmutable();
    }

    /// <summary>The firing after <paramref name="fired"/>, or null when its cycle is exhausted (or it was a one-off).</summary>
    public static TimerStartDue? Next(TimerStartDue fired) =>
        fired.Cycle is { } cycle && TimerSchedule.Next(cycle, fired.DueAt, fired.Remaining) is { } plan
            ? fired with { DueAt = plan.DueAt, Remaining = plan.RemainingAfter }
            : null;
}
