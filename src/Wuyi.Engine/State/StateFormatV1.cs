using System.Collections.Immutable;
using System.Text.Json;
using static Wuyi.Engine.State.InstanceStateJson;

namespace Wuyi.Engine.State;

/// <summary>
/// Reads version 1 of the state document, which instances stored before version 2 still hold: every record an
/// object with short keys, every field written out (a wait's message name and correlation key included).
/// Nothing writes it any more.
/// </summary>
internal static class StateFormatV1
{
    public static InstanceState Read(JsonElement r)
    {
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
            ParseStatus(r.GetProperty("st").GetString()), parent, scopes, tokens, waits, incidents,
            counters[0].GetInt32(), counters[1].GetInt32(), counters[2].GetInt32());
    }

    private static WaitState ReadWait(JsonElement e) => new(e.GetProperty("n").GetInt32(), (WaitKind)e.GetProperty("k").GetInt32(),
        (WaitRole)e.GetProperty("r").GetInt32(), e.GetProperty("e").GetString()!, OptionalInt(e, "t"), OptionalInt(e, "s"))
    {
        DueAt = e.TryGetProperty("due", out var due) ? ParseInstant(due) : null,
        Cycle = OptionalString(e, "cy"),
        Remaining = e.TryGetProperty("rem", out var rem) ? rem.GetInt32() : 0,
        Name = OptionalString(e, "nm"),
        CorrelationKey = OptionalString(e, "ck"),
        ChildInstanceId = OptionalString(e, "ch"),
    };
}
