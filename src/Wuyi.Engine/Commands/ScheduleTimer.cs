namespace Wuyi.Engine.Commands;

/// <summary>
/// Schedule (or reschedule) a timer; when it falls due, apply <see cref="Stimuli.TimerFired"/>. A repeating
/// timer is rescheduled by the engine with another <see cref="ScheduleTimer"/> for the same wait id.
/// </summary>
/// <param name="WaitId">The timer's wait id.</param>
/// <param name="ElementId">The timer event's element id.</param>
/// <param name="DueAt">When it falls due.</param>
/// <param name="Cycle">For a repeating timer, its cycle (<c>R3/PT1H</c> or a cron expression); otherwise null.</param>
public sealed record ScheduleTimer(string WaitId, string ElementId, DateTimeOffset DueAt, string? Cycle) : EngineCommand;
