namespace Wuyi.Engine.Model;

/// <summary>A top-level start event of a process and what triggers it.</summary>
/// <param name="ElementId">The start event's id, to pass as the start request's start event id.</param>
/// <param name="Kind">What triggers it.</param>
/// <param name="Name">The message or signal name; for a timer, its definition text (date, duration or cycle).</param>
public sealed record StartTrigger(string ElementId, StartTriggerKind Kind, string? Name);
