using System.Collections.Immutable;
using System.Text;
using System.Text.Json;

namespace Wuyi.Engine.State;

/// <summary>
/// Serialises <see cref="InstanceState"/> to a compact, versioned JSON document (<c>{"v":2,…}</c>, laid out in
/// <see cref="StateFormatV2"/>) with a fixed field order, so that a state round-trips byte for byte. Documents
/// of version 1 (<see cref="StateFormatV1"/>), as instances stored before version 2 hold them, are still read.
/// </summary>
public static class InstanceStateJson
{
    // Names of areas and people are Chinese: written as UTF-8 they take half the bytes of \u escapes.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The format version written in the <c>v</c> field.</summary>
    public const int Version = 2;

    /// <summary>Serialises <paramref name="state"/> to UTF-8 JSON bytes.</summary>
    public static byte[] SerializeToUtf8Bytes(InstanceState state)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            StateFormatV2.Write(w, state);
        }
        return buffer.ToArray();
    }

    /// <summary>Serialises <paramref name="state"/> to a JSON string.</summary>
    public static string Serialize(InstanceState state) => Encoding.UTF8.GetString(SerializeToUtf8Bytes(state));

    /// <summary>Reads a state written by <see cref="Serialize"/>, of this version or version 1.</summary>
    /// <exception cref="JsonException">The text is not a state document of a known version.</exception>
    public static InstanceState Deserialize(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var version = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("v", out var v)
            && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : 0;
        return version switch
        {
            2 => StateFormatV2.Read(root),
            1 => StateFormatV1.Read(root),
            _ => throw new JsonException($"not an instance state of version 1 or {Version}"),
        };
    }

    internal static string StatusName(InstanceStatus status) => status switch
    {
        InstanceStatus.Running => "running",
        InstanceStatus.Waiting => "waiting",
        InstanceStatus.Completed => "completed",
        InstanceStatus.Terminated => "terminated",
        _ => "failed",
    };

    internal static InstanceStatus ParseStatus(string? name) => name switch
    {
        "running" => InstanceStatus.Running,
        "waiting" => InstanceStatus.Waiting,
        "completed" => InstanceStatus.Completed,
        "terminated" => InstanceStatus.Terminated,
        "failed" => InstanceStatus.Failed,
        var other => throw new JsonException($"unknown status '{other}'"),
    };

    internal static int? OptionalInt(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) && p.ValueKind != JsonValueKind.Null ? p.GetInt32() : null;

    internal static string? OptionalString(JsonElement e, string name) => e.TryGetProperty(name, out var p) ? p.GetString() : null;

    internal static DateTimeOffset ParseInstant(JsonElement e) =>
        DateTimeOffset.Parse(e.GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    internal static ImmutableSortedDictionary<string, object?> Map(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) ? JsonValues.ObjectFromElement(p) : VariableMaps.Empty;
}
