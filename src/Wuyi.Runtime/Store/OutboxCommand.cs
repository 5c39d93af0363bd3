using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Wuyi.Runtime.Store;

/// <summary>
/// An outbox row's payload: what a step asked to happen after its commit. The stored JSON is a contract across versions
/// (a node of the next version carries out rows this one wrote), so each kind is a typed record, pinned by snapshot
/// tests; <c>kind</c> is also the row's column, and rows written before it was in the payload are still read.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(ServiceInvocation), ServiceInvocation.KindName)]
[JsonDerivedType(typeof(ChildStart), "start-child")]
[JsonDerivedType(typeof(ChildCancellation), "cancel-child")]
[JsonDerivedType(typeof(ParentReport), ParentReport.KindName)]
[JsonDerivedType(typeof(MessageThrow), "throw-message")]
[JsonDerivedType(typeof(SignalThrow), "broadcast-signal")]
internal abstract record OutboxCommand
{
    /// <summary>The row's kind (its discriminator).</summary>
    [JsonIgnore]
    public string Kind => this switch
    {
        ServiceInvocation => ServiceInvocation.KindName,
        ChildStart => "start-child",
        ChildCancellation => "cancel-child",
        ParentReport => ParentReport.KindName,
        MessageThrow => "throw-message",
        _ => "broadcast-signal",
    };

    /// <summary>The element that asked for it (for incidents), if one did.</summary>
    [JsonIgnore]
    public virtual string? Element => null;

    /// <summary>The stored JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, StoredJson.Options);

    /// <summary>Reads a row's payload; <paramref name="kind"/> is the row's column (older payloads do not repeat it).</summary>
    /// <exception cref="JsonException">The payload is not a command of a known kind.</exception>
    public static OutboxCommand FromJson(string kind, string payload)
    {
        var node = JsonNode.Parse(payload) as JsonObject ?? throw new JsonException("an outbox payload must be a JSON object");
        if (!node.ContainsKey("kind"))
            node["kind"] = kind;
        return node.Deserialize<OutboxCommand>(StoredJson.Options) ?? throw new JsonException("an empty outbox payload");
    }
}

/// <summary>Call a service handler.</summary>
internal sealed record ServiceInvocation(string WaitId, string ElementId, string Handler, JsonElement Variables) : OutboxCommand
{

    /// <summary>The kind's name.</summary>
    public const string KindName = "service";

    /// <inheritdoc />
    [JsonIgnore]
    public override string? Element => ElementId;
}

/// <summary>Start a call activity's child.</summary>
internal sealed record ChildStart(string WaitId, string ElementId, string CalledElement, string ChildInstanceId, string? BusinessKey,
    JsonElement Variables) : OutboxCommand
{

    /// <inheritdoc />
    [JsonIgnore]
    public override string? Element => ElementId;
}

/// <summary>Cancel a child whose caller was cancelled.</summary>
internal sealed record ChildCancellation(string ChildInstanceId) : OutboxCommand
{
}

/// <summary>Tell the parent how a child ended (or escalated).</summary>
internal sealed record ParentReport(string ParentInstanceId, string ParentWaitId, string Outcome, JsonElement Variables, string? ErrorCode,
    string? Message) : OutboxCommand
{

    /// <summary>The kind's name.</summary>
    public const string KindName = "report-to-parent";
}

/// <summary>Correlate a message thrown by an instance.</summary>
internal sealed record MessageThrow(string ElementId, string Name, string? CorrelationKey, JsonElement Variables) : OutboxCommand
{

    /// <inheritdoc />
    [JsonIgnore]
    public override string? Element => ElementId;
}

/// <summary>Broadcast a signal thrown by an instance.</summary>
internal sealed record SignalThrow(string ElementId, string Signal, JsonElement Variables) : OutboxCommand
{

    /// <inheritdoc />
    [JsonIgnore]
    public override string? Element => ElementId;
}
