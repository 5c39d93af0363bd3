using System.Collections.Immutable;
using System.Text.Json;
using Wuyi.Engine.Timers;
using static Wuyi.Engine.State.InstanceStateJson;

namespace Wuyi.Engine.State;

/// <summary>
/// Version 2 of the state document. A certified area's instance is stored for years with half a dozen open
/// waits, so the format leaves out whatever the document itself implies, and writes the many small records
/// (tokens, waits, incidents) as arrays rather than objects with keys:
/// <code>
/// {"v":2, "id":…, "p":process, "bk":business key?, "st":status (absent: waiting), "par":[instance, wait or its number]?,
///  "n":[next token, next scope, next wait],
///  "sc":[{"i":id, "e":element (absent: the process for the root scope, else the owner token's element),
///         "k":kind (absent: process), "p":parent scope?, "o":owner token?, "vars":{…}?}],
///  "tk":[[id, element, scope, phase, arrived via?, {locals}?]],
///  "w":[[number, kind, role, element, owner, {extras}?]],
///  "inc":[[token, element, message, retry]]?}
/// </code>
/// A trailing optional array item is left out when it and everything after it is empty. A wait's owner is its
/// token, or its scope for an event sub-process start. Its extras: <c>due</c>, <c>cy</c> (cycle), <c>rem</c>
/// (firings left; absent: -1 for a cycle, 0 otherwise), <c>nm</c> (absent for a message or signal: the name is
/// the element id), <c>ck</c> (absent for a message: the correlation key is the business key), <c>ch</c> (absent
/// for a call activity: the child is <c>{id}.{number}</c>), and <c>t</c>/<c>s</c> for an owner other than the
/// usual one. Each is left out only when it equals what the rest of the document implies, and only the document
/// is used to restore it: reading needs no model, and any state, however unusual, round-trips.
/// </summary>
internal static class StateFormatV2
{
    public static void Write(Utf8JsonWriter w, InstanceState s)
    {
        w.WriteStartObject();
        w.WriteNumber("v", 2);
        w.WriteString("id", s.InstanceId);
        w.WriteString("p", s.ProcessId);
        if (s.BusinessKey is not null) w.WriteString("bk", s.BusinessKey);
        if (s.Status != InstanceStatus.Waiting) w.WriteString("st", StatusName(s.Status));
        if (s.Parent is { } parent)
        {
            w.WriteStartArray("par");
            w.WriteStringValue(parent.InstanceId);
            if (WaitNumber(parent) is { } number) w.WriteNumberValue(number);
            else w.WriteStringValue(parent.WaitId);
            w.WriteEndArray();
        }
        w.WriteStartArray("n");
        w.WriteNumberValue(s.NextToken);
        w.WriteNumberValue(s.NextScope);
        w.WriteNumberValue(s.NextWait);
        w.WriteEndArray();
        w.WriteStartArray("sc");
        foreach (var sc in s.Scopes) WriteScope(w, sc, ImpliedElement(s.ProcessId, s.Tokens, sc.ParentId, sc.OwnerTokenId));
        w.WriteEndArray();
        w.WriteStartArray("tk");
        foreach (var t in s.Tokens) WriteToken(w, t);
        w.WriteEndArray();
        if (s.WaitStates.Length > 0)
        {
            w.WriteStartArray("w");
            foreach (var x in s.WaitStates) WriteWait(w, x, s.InstanceId, s.BusinessKey);
            w.WriteEndArray();
        }
        if (s.IncidentStates.Length > 0)
        {
            w.WriteStartArray("inc");
            foreach (var i in s.IncidentStates)
            {
                w.WriteStartArray();
                w.WriteNumberValue(i.TokenId);
                w.WriteStringValue(i.ElementId);
                w.WriteStringValue(i.Message);
                w.WriteNumberValue((int)i.Retry);
                w.WriteEndArray();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    // The root scope is the process; a sub-process, event sub-process or multi-instance body is the element its
    // owner token sits at. Null when neither applies (the element is then written).
    private static string? ImpliedElement(string processId, ImmutableArray<TokenState> tokens, int? parentId, int? ownerTokenId)
    {
        if (parentId is null) return processId;
        foreach (var t in tokens)
            if (t.Id == ownerTokenId) return t.ElementId;
        return null;
    }

    private static void WriteScope(Utf8JsonWriter w, ScopeState sc, string? impliedElement)
    {
        w.WriteStartObject();
        w.WriteNumber("i", sc.Id);
        if (sc.ElementId != impliedElement) w.WriteString("e", sc.ElementId);
        if (sc.Kind != ScopeKind.Process) w.WriteNumber("k", (int)sc.Kind);
        if (sc.ParentId is { } p) w.WriteNumber("p", p);
        if (sc.OwnerTokenId is { } o) w.WriteNumber("o", o);
        if (sc.Variables.Count > 0) { w.WritePropertyName("vars"); JsonValues.WriteMap(w, sc.Variables); }
        w.WriteEndObject();
    }

    private static void WriteToken(Utf8JsonWriter w, TokenState t)
    {
        w.WriteStartArray();
        w.WriteNumberValue(t.Id);
        w.WriteStringValue(t.ElementId);
        w.WriteNumberValue(t.ScopeId);
        w.WriteNumberValue((int)t.Phase);
        if (t.ArrivedVia is not null || t.Locals.Count > 0) w.WriteStringValue(t.ArrivedVia);
        if (t.Locals.Count > 0) JsonValues.WriteMap(w, t.Locals);
        w.WriteEndArray();
    }

    // A parent's wait ids are its instance id and a number (InstanceState.WaitId).
    private static int? WaitNumber(ParentLink parent)
    {
        var prefix = parent.InstanceId + "/w";
        return parent.WaitId.StartsWith(prefix, StringComparison.Ordinal)
            && int.TryParse(parent.WaitId.AsSpan(prefix.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            && ParentWaitId(parent.InstanceId, n) == parent.WaitId ? n : null;
    }

    private static string ParentWaitId(string parentId, int number) => $"{parentId}/w{number}";

    private static void WriteWait(Utf8JsonWriter w, WaitState x, string instanceId, string? businessKey)
    {
        var byScope = x.Role == WaitRole.EventSubProcessStart;
        var (owner, other) = byScope ? (x.ScopeId, x.TokenId) : (x.TokenId, x.ScopeId);
        var remaining = x.Remaining != DefaultRemaining(x.Cycle);
        var name = x.Name != ImpliedName(x.Kind, x.ElementId);
        var key = x.CorrelationKey != ImpliedKey(x.Kind, businessKey);
        var child = x.ChildInstanceId != ImpliedChild(x.Kind, instanceId, x.Number);
        w.WriteStartArray();
        w.WriteNumberValue(x.Number);
        w.WriteNumberValue((int)x.Kind);
        w.WriteNumberValue((int)x.Role);
        w.WriteStringValue(x.ElementId);
        if (owner is { } o) w.WriteNumberValue(o);
        else w.WriteNullValue();
        if (x.DueAt is not null || x.Cycle is not null || remaining || name || key || child || other is not null)
        {
            w.WriteStartObject();
            if (x.DueAt is { } due) w.WriteString("due", IsoInstant.Format(due));
            if (x.Cycle is not null) w.WriteString("cy", x.Cycle);
            if (remaining) w.WriteNumber("rem", x.Remaining);
            if (name) w.WriteString("nm", x.Name);
            if (key) w.WriteString("ck", x.CorrelationKey);
            if (child) w.WriteString("ch", x.ChildInstanceId);
            if (other is { } a) w.WriteNumber(byScope ? "t" : "s", a);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    // A cycle without a count repeats for ever; anything else has no firings left once it has fired.
    private static int DefaultRemaining(string? cycle) => cycle is null ? 0 : -1;

    // Message and signal events are mostly named after what they wait for.
    private static string? ImpliedName(WaitKind kind, string elementId) => kind is WaitKind.Message or WaitKind.Signal ? elementId : null;

    // A message is correlated by the business key unless the model says otherwise.
    private static string? ImpliedKey(WaitKind kind, string? businessKey) => kind == WaitKind.Message ? businessKey : null;

    // A call activity names its child after the wait that waits for it (CallActivityBehaviour).
    private static string? ImpliedChild(WaitKind kind, string instanceId, int number) => kind == WaitKind.Child ? $"{instanceId}.{number}" : null;

    public static InstanceState Read(JsonElement r)
    {
        var instanceId = r.GetProperty("id").GetString()!;
        var processId = r.GetProperty("p").GetString()!;
        var businessKey = OptionalString(r, "bk");
        var status = r.TryGetProperty("st", out var st) ? ParseStatus(st.GetString()) : InstanceStatus.Waiting;
        ParentLink? parent = r.TryGetProperty("par", out var par) ? ReadParent(par) : null;
        var counters = r.GetProperty("n");
        var tokens = r.GetProperty("tk").EnumerateArray().Select(ReadToken).ToImmutableArray();
        var scopes = r.GetProperty("sc").EnumerateArray().Select(e => ReadScope(e, processId, tokens)).ToImmutableArray();
        var waits = r.TryGetProperty("w", out var ws) ? ws.EnumerateArray().Select(e => ReadWait(e, instanceId, businessKey)).ToImmutableArray() : [];
        var incidents = r.TryGetProperty("inc", out var inc)
            ? inc.EnumerateArray().Select(e => new IncidentState(e[0].GetInt32(), e[1].GetString()!, e[2].GetString()!, (IncidentRetry)e[3].GetInt32()))
                .ToImmutableArray()
            : [];
        return new InstanceState(instanceId, processId, businessKey, status, parent, scopes, tokens, waits, incidents,
            counters[0].GetInt32(), counters[1].GetInt32(), counters[2].GetInt32());
    }

    private static ParentLink ReadParent(JsonElement par)
    {
        var parentId = par[0].GetString()!;
        return new ParentLink(parentId, par[1].ValueKind == JsonValueKind.Number ? ParentWaitId(parentId, par[1].GetInt32()) : par[1].GetString()!);
    }

    private static ScopeState ReadScope(JsonElement e, string processId, ImmutableArray<TokenState> tokens)
    {
        var id = e.GetProperty("i").GetInt32();
        var parentId = OptionalInt(e, "p");
        var owner = OptionalInt(e, "o");
        var element = OptionalString(e, "e") ?? ImpliedElement(processId, tokens, parentId, owner)
            ?? throw new JsonException($"scope {id} names no element and has no owner token to take it from");
        return new ScopeState(id, element, e.TryGetProperty("k", out var k) ? (ScopeKind)k.GetInt32() : ScopeKind.Process,
            parentId, owner, Map(e, "vars"));
    }

    private static TokenState ReadToken(JsonElement e)
    {
        var length = e.GetArrayLength();
        return new TokenState(e[0].GetInt32(), e[1].GetString()!, e[2].GetInt32(), (TokenPhase)e[3].GetInt32(),
            length > 4 ? e[4].GetString() : null, length > 5 ? JsonValues.ObjectFromElement(e[5]) : VariableMaps.Empty);
    }

    private static WaitState ReadWait(JsonElement e, string instanceId, string? businessKey)
    {
        var kind = (WaitKind)e[1].GetInt32();
        var role = (WaitRole)e[2].GetInt32();
        var elementId = e[3].GetString()!;
        int? owner = e[4].ValueKind == JsonValueKind.Null ? null : e[4].GetInt32();
        var x = e.GetArrayLength() > 5 ? e[5] : default;
        bool Has(string name, out JsonElement value)
        {
            value = default;
            return x.ValueKind == JsonValueKind.Object && x.TryGetProperty(name, out value);
        }
        var byScope = role == WaitRole.EventSubProcessStart;
        int? other = Has(byScope ? "t" : "s", out var o) ? o.GetInt32() : null;
        var cycle = Has("cy", out var cy) ? cy.GetString() : null;
        var number = e[0].GetInt32();
        return new WaitState(number, kind, role, elementId, byScope ? other : owner, byScope ? owner : other)
        {
            DueAt = Has("due", out var due) ? ParseInstant(due) : null,
            Cycle = cycle,
            Remaining = Has("rem", out var rem) ? rem.GetInt32() : DefaultRemaining(cycle),
            Name = Has("nm", out var nm) ? nm.GetString() : ImpliedName(kind, elementId),
            CorrelationKey = Has("ck", out var ck) ? ck.GetString() : ImpliedKey(kind, businessKey),
            ChildInstanceId = Has("ch", out var ch) ? ch.GetString() : ImpliedChild(kind, instanceId, number),
        };
    }
}
