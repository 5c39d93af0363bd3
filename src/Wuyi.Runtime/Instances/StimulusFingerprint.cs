using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Wuyi.Engine.Stimuli;

namespace Wuyi.Runtime.Instances;

/// <summary>
/// What a stimulus was, in a few bytes stored beside its idempotency key: its kind, a hash of the wait (or signal) it
/// answers and a hash of its payload with object members in a fixed order. A replay of the key with another stimulus is
/// then told which of the three differs instead of silently getting the first answer.
/// </summary>
internal static class StimulusFingerprint
{
    public static string Of(Stimulus stimulus)
    {
        var json = JsonNode.Parse(StimulusJson.Serialize(stimulus))!.AsObject();
        var target = json["waitId"]?.GetValue<string>() ?? json["signal"]?.GetValue<string>() ?? "";
        json.Remove("waitId");
        json.Remove("signal");
        json.Remove("type");
        return $"{stimulus.GetType().Name}|{Hash(target)[..12]}|{Hash(Canonical(json)!.ToJsonString())[..32]}";
    }

    /// <summary>What differs between the stimulus first applied under a key and a replay; null when they are the same.</summary>
    public static string? Difference(string first, string replay)
    {
        if (first == replay)
            return null;
        var (a, b) = (first.Split('|'), replay.Split('|'));
        if (a.Length != 3 || b.Length != 3 || a[0] != b[0])
            return $"it was first used for a {a[0]}, not a {b[0]}";
        return a[1] != b[1] ? "it was first used for another wait" : "it was first used with other values";
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Canonical(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Canonical)]),
        null => null,
        _ => node.DeepClone(),
    };
}
