using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Wuyi.Engine.Timers;

namespace Wuyi.Engine.State;

/// <summary>
/// Serialises <see cref="InstanceState"/> to a compact, versioned JSON document (<c>{"v":1,…}</c>) with short
/// keys and a fixed field order, so that a state round-trips byte for byte. Version 1 is the only version.
/// </summary>
public static class InstanceStateJson
{
    // Names of areas and people are Chinese: written as UTF-8 they take half the bytes of \u escapes.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The format version written in the <c>v</c> field.</summary>
    public const int Version = 1;

    /// <summary>Serialises <paramref name="state"/> to UTF-8 JSON bytes.</summary>
    public static byte[] SerializeToUtf8Bytes(InstanceState state)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(w, state);
        }
        return buffer.ToArray();
    }

    /// <summary>Serialises <paramref name="state"/> to a JSON string.</summary>
    public static string Serialize(InstanceState state) => Encoding.UTF8.GetString(SerializeToUtf8Bytes(state));

    /// <summary>Reads a state written by <see cref="Serialize"/>.</summary>
    /// <exception cref="JsonException">The text is not a state document of a known version.</exception>
    public static InstanceState Deserialize(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return Read(doc.RootElement);
    }

    private static void Write(Utf8JsonWriter w, InstanceState s)
    {
        w.WriteStartObject();
        w.WriteNumber("v", Version);
        w.WriteString("id", s.InstanceId);
        w.WriteString("p", s.ProcessId);
        if (s.BusinessKey is not null) w.WriteString("bk", s.BusinessKey);
        w.WriteString("st", StatusText(s.Status));
        if (s.Parent is { } parent)
        {
            w.WriteStartObject("par");
            w.WriteString("i", parent.InstanceId);
            w.WriteString("w", parent.WaitId);
            w.WriteEndObject();
        }
        w.WriteStartArray("n");
        w.WriteNumberValue(s.NextToken);
        w.WriteNumberValue(s.NextScope);
        w.WriteNumberValue(s.NextWait);
        w.WriteEndArray();
        w.WriteStartArray("sc");
        foreach (var sc in s.Scopes)
        {
            w.WriteStartObject();
            w.WriteNumber("i", sc.Id);
            w.WriteString("e", sc.ElementId);
            if (sc.Kind != ScopeKind.Process) w.WriteNumber("k", (int)sc.Kind);
            if (sc.ParentId is { } p) w.WriteNumber("p", p);
            if (sc.OwnerTokenId is { } o) w.WriteNumber("o", o);
            if (sc.Variables.Count > 0) { w.WritePropertyName("vars"); JsonValues.WriteMap(w, sc.Variables); }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("tk");
        foreach (var t in s.Tokens)
        {
            w.WriteStartObject();
            w.WriteNumber("i", t.Id);
            w.WriteString("e", t.ElementId);
            w.WriteNumber("s", t.ScopeId);
            w.WriteNumber("ph", (int)t.Phase);
            if (t.ArrivedVia is not null) w.WriteString("f", t.ArrivedVia);
            if (t.Locals.Count > 0) { w.WritePropertyName("l"); JsonValues.WriteMap(w, t.Locals); }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (s.WaitStates.Length > 0)
        {
            w.WriteStartArray("w");
            foreach (var x in s.WaitStates) WriteWait(w, x);
            w.WriteEndArray();
        }
        if (s.IncidentStates.Length > 0)
        {
            w.WriteStartArray("inc");
            foreach (var i in s.IncidentStates)
            {
                w.WriteStartObject();
                w.WriteNumber("t", i.TokenId);
                w.WriteString("e", i.ElementId);
                w.WriteString("m", i.Message);
                w.WriteNumber("r", (int)i.Retry);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void WriteWait(Utf8JsonWriter w, WaitState x)
    {
        w.WriteStartObject();
        w.WriteNumber("n", x.Number);
        w.WriteNumber("k", (int)x.Kind);
        w.WriteNumber("r", (int)x.Role);
        w.WriteString("e", x.ElementId);
        if (x.TokenId is { } t) w.WriteNumber("t", t);
        if (x.ScopeId is { } sc) w.WriteNumber("s", sc);
        if (x.DueAt is { } due) w.WriteString("due", IsoInstant.Format(due));
        if (x.Cycle is not null) { w.WriteString("cy", x.Cycle); w.WriteNumber("rem", x.Remaining); }
        if (x.Name is not null) w.WriteString("nm", x.Name);
        if (x.CorrelationKey is not null) w.WriteString("ck", x.CorrelationKey);
        if (x.ChildInstanceId is not null) w.WriteString("ch", x.ChildInstanceId);
        w.WriteEndObject();
    }

    private static string StatusText(InstanceStatus status) => status switch
    {
        InstanceStatus.Running => "running",
        InstanceStatus.Waiting => "waiting",
        InstanceStatus.Completed => "completed",
        InstanceStatus.Terminated => "terminated",
        _ => "failed",
    };

    internal static string StatusName(InstanceStatus status) => StatusText(status);

    private static InstanceState Read(JsonElement r)
    {
        if (!r.TryGetProperty("v", out var v) || v.GetInt32() != Version)
            throw new JsonException($"not an instance state of version {Version}");
        var status = r.GetProperty("st").GetString() switch
        {
            "running" => InstanceStatus.Running,
            "waiting" => InstanceStatus.Waiting,
            "completed" => InstanceStatus.Completed,
            "terminated" => InstanceStatus.Terminated,
            "failed" => InstanceStatus.Failed,
            var other => throw new JsonException($"unknown status '{other}'"),
        };
        ParentLink? parent = r.TryGetProperty("par", out var par)
            ? new ParentLink(par.GetProperty("i").GetString()!, par.GetProperty("w").GetString()!)
            : null;
        var counters = r.GetProperty("n");
        var scopes = r.GetProperty("sc").EnumerateArray().Select(e => new ScopeState(
            e.GetProperty("i").GetInt32(), e.GetProperty("e").GetString()!,
            e.TryGetProperty("k", out var k) ? (ScopeKind)k.GetInt32() : ScopeKind.Process,
            OptionalInt(e, "p"), OptionalInt(e, "o"), Map(e, "vars"))).ToImmutableArray();
        var tokens = r.GetProperty("tk").EnumerateArray().Select(e => new TokenState(
            e.GetProperty("i").GetInt32(), e.GetProperty("e").GetString()!, e.GetProperty("s").GetInt32(),
            (TokenPhase)e.GetProperty("ph").GetInt32(), OptionalString(e, "f"), Map(e, "l"))).ToImmutableArray();
        var waits = r.TryGetProperty("w", out var ws) ? ws.EnumerateArray().Select(ReadWait).ToImmutableArray() : [];
        var incidents = r.TryGetProperty("inc", out var inc)
            ? inc.EnumerateArray().Select(e => new IncidentState(e.GetProperty("t").GetInt32(), e.GetProperty("e").GetString()!,
                e.GetProperty("m").GetString()!, (IncidentRetry)e.GetProperty("r").GetInt32())).ToImmutableArray()
            : [];
        return new InstanceState(r.GetProperty("id").GetString()!, r.GetProperty("p").GetString()!, OptionalString(r, "bk"),
            status, parent, scopes, tokens, waits, incidents, counters[0].GetInt32(), counters[1].GetInt32(), counters[2].GetInt32());
    }

    private static WaitState ReadWait(JsonElement e) => new(e.GetProperty("n").GetInt32(), (WaitKind)e.GetProperty("k").GetInt32(),
        (WaitRole)e.GetProperty("r").GetInt32(), e.GetProperty("e").GetString()!, OptionalInt(e, "t"), OptionalInt(e, "s"))
    {
        DueAt = e.TryGetProperty("due", out var due) ? DateTimeOffset.Parse(due.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : null,
        Cycle = OptionalString(e, "cy"),
        Remaining = e.TryGetProperty("rem", out var rem) ? rem.GetInt32() : 0,
        Name = OptionalString(e, "nm"),
        CorrelationKey = OptionalString(e, "ck"),
        ChildInstanceId = OptionalString(e, "ch"),
    };

    private static int? OptionalInt(JsonElement e, string name) => e.TryGetProperty(name, out var p) ? p.GetInt32() : null;
    private static string? OptionalString(JsonElement e, string name) => e.TryGetProperty(name, out var p) ? p.GetString() : null;

    private static ImmutableSortedDictionary<string, object?> Map(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) ? JsonValues.ObjectFromElement(p) : VariableMaps.Empty;
}
