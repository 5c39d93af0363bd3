namespace Wuyi.Engine.State;

/// <summary>An incident that holds one path of an instance.</summary>
/// <param name="ElementId">The element where the path stopped.</param>
/// <param name="Message">Why.</param>
public sealed record IncidentInfo(string ElementId, string Message);
