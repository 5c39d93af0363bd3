namespace Wuyi.Engine.Stimuli;

/// <summary>A scheduled timer fell due.</summary>
/// <param name="WaitId">The timer's wait id.</param>
public sealed record TimerFired(string WaitId) : Stimulus;
