namespace Wuyi.Server.Apis.Contracts;

/// <summary>An administrator's request for an unscheduled spot-check.</summary>
/// <param name="Mode"><c>open</c> (明查: the area is notified) or <c>covert</c> (暗访: never announced).</param>
public sealed record SpotCheckRequest(string? Mode);
