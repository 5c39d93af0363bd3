namespace Wuyi.Server.Apis.Contracts;

/// <summary>How far to move the manual clock.</summary>
/// <param name="Duration">An ISO 8601 duration, e.g. <c>P7D</c> or <c>PT30M</c> (calendar parts count from now).</param>
public sealed record AdvanceClockBody(string? Duration);
