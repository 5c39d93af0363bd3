using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wuyi.Runtime.Messages;

/// <summary>
/// An accepted fan-out as stored in <c>fan_outs.request</c>: a contract across versions (a node of the next version
/// resumes what this one accepted), so it is a typed record with a <c>kind</c> discriminator, pinned by a snapshot test.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(MessageFanOut), "message")]
[JsonDerivedType(typeof(SignalFanOut), "signal")]
public abstract record FanOutRequest
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The row id: one row per message id or broadcast id.</summary>
    [JsonIgnore]
    public abstract string Id { get; }

    /// <summary>The stored JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads the stored JSON.</summary>
    public static FanOutRequest FromJson(string json) => JsonSerializer.Deserialize<FanOutRequest>(json, Json)
        ?? throw new JsonException("an empty fan-out request");
}

/// <summary>A message to every wait under a region prefix.</summary>
/// <param name="Name">The message name.</param>
/// <param name="RegionPrefix">The region code whose waits it reaches.</param>
/// <param name="MessageId">The sender's id.</param>
/// <param name="Variables">The payload, a JSON object.</param>
/// <param name="Actor">Who sent it.</param>
public sealed record MessageFanOut(string Name, string RegionPrefix, string MessageId, JsonElement Variables, string Actor) : FanOutRequest
{
    /// <inheritdoc />
    public override string Id => $"message:{MessageId}";
}

/// <summary>A signal to every instance waiting for it and every signal start.</summary>
/// <param name="Signal">The signal name.</param>
/// <param name="BroadcastId">The broadcast's id.</param>
/// <param name="Variables">The payload, a JSON object.</param>
/// <param name="Actor">Who sent it.</param>
public sealed record SignalFanOut(string Signal, string BroadcastId, JsonElement Variables, string Actor) : FanOutRequest
{
    /// <summary>The instance that threw the signal and caught it in its own step, so it is not delivered there again.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Thrower { get; init; }

    /// <inheritdoc />
    public override string Id => $"signal:{BroadcastId}";
}
