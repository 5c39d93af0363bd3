using System.Text.Json;

namespace Wuyi.Certification.Certifications;

/// <summary>One entry of a certification's timeline, from the instance history.</summary>
/// <param name="At">When.</param>
/// <param name="Type">The event, e.g. <c>activity-completed</c>.</param>
/// <param name="ElementId">The flow node, if any.</param>
/// <param name="Actor">Who caused it.</param>
/// <param name="Data">The whole event.</param>
public sealed record TimelineEntry(DateTimeOffset At, string Type, string? ElementId, string Actor, JsonElement Data);
