namespace Wuyi.Engine.Stimuli;

/// <summary>A message was correlated to one of the instance's message waits.</summary>
/// <param name="WaitId">The message wait's id.</param>
/// <param name="Variables">The message's payload, or null.</param>
public sealed record MessageReceived(string WaitId, IReadOnlyDictionary<string, object?>? Variables = null) : Stimulus;
