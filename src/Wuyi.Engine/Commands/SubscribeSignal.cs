namespace Wuyi.Engine.Commands;

/// <summary>
/// The instance now waits for a signal; broadcasting it means applying <see cref="Stimuli.SignalReceived"/>
/// to this instance (the engine finds its own signal waits).
/// </summary>
/// <param name="WaitId">The subscription's wait id.</param>
/// <param name="ElementId">The catching element's id.</param>
/// <param name="SignalName">The signal name.</param>
public sealed record SubscribeSignal(string WaitId, string ElementId, string SignalName) : EngineCommand;
