using System.Text.Json;

namespace Wuyi.Server.Apis.Contracts;

/// <summary>A BPMN signal to broadcast.</summary>
/// <param name="Signal">The signal name.</param>
/// <param name="Variables">The payload: a JSON object.</param>
/// <param name="BroadcastId">The sender's id: the same id again changes nothing (an <c>Idempotency-Key</c> header serves too; one is made up when neither is given).</param>
public sealed record BroadcastBody(string? Signal, JsonElement? Variables, string? BroadcastId);
