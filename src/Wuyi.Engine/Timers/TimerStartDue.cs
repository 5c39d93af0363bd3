namespace Wuyi.Engine.Timers;

/// <summary>When a timer start event next starts an instance, and how it goes on.</summary>
/// <param name="ProcessId">The process it starts.</param>
/// <param name="StartEventId">The timer start event.</param>
/// <param name="DueAt">When.</param>
/// <param name="Cycle">The cycle (<c>R/P30D</c>, a cron expression) for a repeating start; null for a one-off.</param>
/// <param name="Remaining">Firings left after this one (-1: without end).</param>
public sealed record TimerStartDue(string ProcessId, string StartEventId, DateTimeOffset DueAt, string? Cycle, int Remaining);
