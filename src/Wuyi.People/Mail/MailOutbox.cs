using System.Text.Encodings.Web;
using System.Text.Json;
using Wuyi.Runtime.Store;

namespace Wuyi.People.Mail;

/// <summary>
/// Mail's rows in the runtime's outbox. A request (<see cref="RequestKind"/>) is written with the transition or by a
/// service handler; carried out, it becomes one message row (<see cref="MessageKind"/>) per recipient, each sent and
/// retried on its own, so an SMTP outage delays mail and a repeat never re-sends what already went.
/// </summary>
public static class MailOutbox
{
    /// <summary>The kind of a request row.</summary>
    public const string RequestKind = "mail";

    /// <summary>The kind of a message row.</summary>
    public const string MessageKind = "mail-message";

    /// <summary>The stored JSON format: camelCase, readable Chinese.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A request row for <paramref name="request"/>, about <paramref name="instanceId"/>; <paramref name="key"/>
    /// identifies the event (kept as the row's wait id), so a repeat can see it was queued; due at <paramref name="now"/>.</summary>
    public static OutboxRecord Request(string instanceId, string? key, MailRequest request, DateTimeOffset now) => new()
    {
        InstanceId = instanceId, Kind = RequestKind, WaitId = key, Payload = JsonSerializer.Serialize(request, Json),
        Status = "pending", NextAttemptAt = now, CreatedAt = now,
    };

    /// <summary>A message row.</summary>
    public static OutboxRecord Message(string instanceId, string? key, MailMessage message, DateTimeOffset now) => new()
    {
        InstanceId = instanceId, Kind = MessageKind, WaitId = key, Payload = JsonSerializer.Serialize(message, Json),
        Status = "pending", NextAttemptAt = now, CreatedAt = now,
    };

    /// <summary>The template values as the stored JSON element.</summary>
    public static JsonElement Model(object values) => JsonSerializer.SerializeToElement(values, Json);
}
