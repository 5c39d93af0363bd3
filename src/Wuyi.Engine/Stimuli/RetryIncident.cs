namespace Wuyi.Engine.Stimuli;

/// <summary>Every path held by an incident is tried again (with a fresh step budget).</summary>
public sealed record RetryIncident : Stimulus;
