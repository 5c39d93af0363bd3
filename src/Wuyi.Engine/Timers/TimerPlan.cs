namespace Wuyi.Engine.Timers;

/// <summary>
/// When a timer is due, and for a cycle how it repeats: <see cref="Cycle"/> is the evaluated cycle text and
/// <see cref="RemainingAfter"/> how many more firings follow this one (-1: without end).
/// </summary>
internal sealed record TimerPlan(DateTimeOffset DueAt, string? Cycle, int RemainingAfter);
