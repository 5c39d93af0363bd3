using System.Text.Json;

namespace Wuyi.Server.Apis.Contracts;

/// <summary>A BPMN message from outside.</summary>
/// <param name="Name">The message name, e.g. <c>CloseContactReported</c>.</param>
/// <param name="CorrelationKey">Reaches the waits with this correlation key (usually the area code).</param>
/// <param name="RegionPrefix">Instead: reaches every wait whose correlation key starts with this region code (fan-out).</param>
/// <param name="MessageId">The sender's id: the same id again changes nothing (an <c>Idempotency-Key</c> header serves too; one is made up when neither is given).</param>
/// <param name="Variables">The payload: a JSON object.</param>
/// <param name="Ttl">How long to keep it when no wait matches, as an ISO 8601 duration (e.g. <c>PT1H</c>; <c>PT0S</c>: not kept).</param>
public sealed record MessageBody(string? Name, string? CorrelationKey, string? RegionPrefix, string? MessageId, JsonElement? Variables, string? Ttl);
