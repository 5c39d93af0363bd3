using System.Collections.Immutable;

namespace Wuyi.Engine.Commands;

/// <summary>
/// Broadcast a BPMN signal to every other instance and to signal start events. The throwing instance has already
/// caught it within the step that threw it, so the broadcast must skip that instance.
/// </summary>
/// <param name="ElementId">The throwing element's id.</param>
/// <param name="SignalName">The signal name.</param>
/// <param name="Variables">The variables visible at the throwing element.</param>
public sealed record BroadcastSignal(string ElementId, string SignalName, ImmutableSortedDictionary<string, object?> Variables) : EngineCommand;
