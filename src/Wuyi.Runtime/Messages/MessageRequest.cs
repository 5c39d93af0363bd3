namespace Wuyi.Runtime.Messages;

/// <summary>A BPMN message from outside (or thrown by an instance).</summary>
/// <param name="Name">The message name, e.g. <c>CloseContactReported</c>.</param>
/// <param name="CorrelationKey">Correlates to waits with this key (usually the area code).</param>
/// <param name="RegionPrefix">Instead of one key: every wait whose key starts with this region code (fan-out).</param>
/// <param name="MessageId">The sender's id: the same id again changes nothing.</param>
/// <param name="Variables">The payload.</param>
/// <param name="TimeToLive">How long to keep it when no wait matches (default from <see cref="RuntimeOptions"/>); zero: not buffered.</param>
/// <param name="Actor">Who sent it.</param>
public sealed record MessageRequest(string Name, string? CorrelationKey, string? RegionPrefix, string MessageId,
    IReadOnlyDictionary<string, object?> Variables, TimeSpan? TimeToLive, string Actor);
