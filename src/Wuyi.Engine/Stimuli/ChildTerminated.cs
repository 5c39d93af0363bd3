namespace Wuyi.Engine.Stimuli;

/// <summary>A called child instance was cancelled from outside; the call activity gets an incident.</summary>
/// <param name="WaitId">The call activity's wait id.</param>
/// <param name="Reason">Why, or null.</param>
public sealed record ChildTerminated(string WaitId, string? Reason = null) : Stimulus;
