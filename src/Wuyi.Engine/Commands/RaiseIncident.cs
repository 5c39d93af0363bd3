namespace Wuyi.Engine.Commands;

/// <summary>An incident now holds a path; an operator may fix the cause and apply <see cref="Stimuli.RetryIncident"/>.</summary>
/// <param name="ElementId">Where the path stopped.</param>
/// <param name="Message">Why.</param>
public sealed record RaiseIncident(string ElementId, string Message) : EngineCommand;
