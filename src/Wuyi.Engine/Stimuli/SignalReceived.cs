namespace Wuyi.Engine.Stimuli;

/// <summary>A signal was broadcast; the engine triggers every one of the instance's waits for it.</summary>
/// <param name="SignalName">The signal's name.</param>
/// <param name="Variables">The signal's payload, or null.</param>
public sealed record SignalReceived(string SignalName, IReadOnlyDictionary<string, object?>? Variables = null) : Stimulus;
