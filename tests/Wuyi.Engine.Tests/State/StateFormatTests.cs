using System.Collections.Immutable;
using System.Text;
using Wuyi.Engine.Execution;
using Wuyi.Engine.State;
using Wuyi.Engine.Stimuli;
using Wuyi.Engine.Tests.Support;
using Wuyi.Engine.Trace;

namespace Wuyi.Engine.Tests.State;

/// <summary>
/// Version 2 of the stored state leaves out what the document implies; these prove it loses nothing (every
/// field, compared without going through the format), and that version 1 documents, which databases still
/// hold, read as the same states. The v1 files were written by the version 1 serialiser from the same cases.
/// </summary>
public class StateFormatTests
{
    public static TheoryData<string> Cases() => new(StateCases.All.Keys);

    private static string V1(string name) => File.ReadAllText(Path.Combine(TestFiles.ProjectDirectory(), "State", "v1", name + ".json"));

    [Theory]
    [MemberData(nameof(Cases))]
    public void RoundTrip_EveryCase_SameStateAndSameBytes(string name)
    {
        var live = StateCases.All[name]();

        var json = InstanceStateJson.Serialize(live);
        var back = InstanceStateJson.Deserialize(json);

        Assert.StartsWith("{\"v\":2,", json);
        Assert.Equal(StateDump.Of(live), StateDump.Of(back));
        Assert.Equal(json, InstanceStateJson.Serialize(back));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Deserialize_Version1Document_SameStateAsLive(string name)
    {
        var v1 = V1(name);

        var read = InstanceStateJson.Deserialize(v1);

        Assert.StartsWith("{\"v\":1,", v1);
        Assert.Equal(StateDump.Of(StateCases.All[name]()), StateDump.Of(read));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Serialize_EveryCase_SmallerThanVersion1(string name) =>
        Assert.True(InstanceStateJson.SerializeToUtf8Bytes(StateCases.All[name]()).Length < Encoding.UTF8.GetByteCount(V1(name)));

    [Fact]
    public void Deserialize_Version1_ThenStep_ContinuesLikeLive()
    {
        var h = StateCases.Certified();
        var fromV1 = InstanceStateJson.Deserialize(V1("certified"));
        var message = new MessageReceived(h.Wait("CloseContactReported").WaitId, EngineHarness.Vars(("closeContacts", 1)));

        var live = ProcessEngine.Step(h.Definitions, h.State, message, h.Now);
        var restored = ProcessEngine.Step(h.Definitions, fromV1, message, h.Now);

        Assert.Equal(InstanceStateJson.Serialize(live.State), InstanceStateJson.Serialize(restored.State));
        Assert.Equal(live.Events.Select(TraceEventJson.Serialize), restored.Events.Select(TraceEventJson.Serialize));
    }

    // The state docs/benchmarks.md measured at 2,413 bytes (shipped model, certified, six open waits), as the
    // version 1 serialiser wrote it. Re-encoded, the same state (its waiting tokens still carry their flows,
    // which the engine no longer keeps) must shrink by the waits' repeated names and keys and the array records.
    [Fact]
    public void Serialize_ShippedCertificationInDynamicManagement_SavesOver340Bytes()
    {
        var v1 = V1("shipped-certification-dynamic-management");
        var state = InstanceStateJson.Deserialize(v1);

        var v2 = InstanceStateJson.SerializeToUtf8Bytes(state);

        Assert.Equal(2413, Encoding.UTF8.GetByteCount(v1));
        Assert.True(v2.Length <= 2413 - 340, $"{v2.Length} bytes");
        Assert.Equal(StateDump.Of(state), StateDump.Of(InstanceStateJson.Deserialize(Encoding.UTF8.GetString(v2))));
    }

    [Fact]
    public void Serialize_MessageWaits_NameAndKeyOnlyWhenNotImplied()
    {
        var keyed = InstanceStateJson.Serialize(StateCases.All["keys"]());
        var keyless = InstanceStateJson.Serialize(StateCases.All["no-business-key"]());

        // Withdrawn: keyed by the business key, named after another message; CaseClosed: named as its element, keyed by ${caseId}.
        Assert.Contains("""[2,4,1,"Withdrawn",0,{"nm":"ApplicationWithdrawn"}]""", keyed);
        Assert.Contains("""[3,4,0,"CaseClosed",1,{"ck":"C-17"}]""", keyed);
        Assert.Contains("""[2,4,1,"Withdrawn",0,{"nm":"ApplicationWithdrawn"}]""", keyless);
        Assert.DoesNotContain("\"bk\"", keyless);
    }

    [Fact]
    public void Serialize_RecordsAreArraysWithoutDefaults()
    {
        var certified = InstanceStateJson.Serialize(StateCases.All["certified"]());
        var suspended = InstanceStateJson.Serialize(StateCases.All["alert-suspended"]());
        var parent = InstanceStateJson.Serialize(StateCases.All["call-parent"]());
        var child = InstanceStateJson.Serialize(StateCases.All["call-child"]());
        var cycles = InstanceStateJson.Serialize(StateCases.All["cycles"]());

        Assert.DoesNotContain("\"st\"", certified);
        Assert.Contains("""[{"i":0,"vars":""", certified);
        Assert.Contains("""
            "tk":[[0,"Certified",0,1]]
            """, certified);
        Assert.Contains("""{"i":1,"k":2,"p":0,"o":1}""", suspended);
        Assert.Contains("""[1,6,0,"SpotCheck",0]""", parent);
        Assert.Contains("""
            "par":["i0",1]
            """, child);
        Assert.Contains("""[1,3,3,"SpotCheckDue",0,{"due":"2022-09-01T09:00:00+08:00","cy":"R/2022-09-01T09:00:00+08:00/P90D"}]""", cycles);
    }

    [Fact]
    public void RoundTrip_UnusualState_KeepsEveryField()
    {
        var state = Unusual();

        var json = InstanceStateJson.Serialize(state);
        var back = InstanceStateJson.Deserialize(json);

        Assert.Equal(StateDump.Of(state), StateDump.Of(back));
        Assert.Equal(json, InstanceStateJson.Serialize(back));
        Assert.Contains("\"st\":\"running\"", json);
        Assert.Contains("""{"nm":null,"ck":null}""", json);
    }

    // Everything the implied values could get wrong: values that differ from what is implied, nulls where a
    // value is implied, owners of the other kind, a scope whose owner is gone, a parent wait of another shape.
    private static InstanceState Unusual()
    {
        var vars = VariableMaps.From(new Dictionary<string, object?> { ["x"] = 1L });
        ImmutableArray<ScopeState> scopes =
        [
            new(0, "not-the-process", ScopeKind.Process, null, null, vars),
            new(1, "other-than-owner", ScopeKind.SubProcess, 0, 0, VariableMaps.Empty),
            new(2, "owner-gone", ScopeKind.EventSubProcess, 0, 9, VariableMaps.Empty),
        ];
        ImmutableArray<TokenState> tokens =
        [
            new(0, "sub", 0, TokenPhase.InScope, "f1", VariableMaps.Empty),
            new(1, "task", 1, TokenPhase.Waiting, null, vars),
            new(2, "join", 1, TokenPhase.Joining, "f2", vars),
        ];
        ImmutableArray<WaitState> waits =
        [
            new(1, WaitKind.Message, WaitRole.Boundary, "m", 1, null) { Name = null, CorrelationKey = null },
            new(2, WaitKind.Message, WaitRole.Activity, "m2", 1, 2) { Name = "m2", CorrelationKey = "bk" },
            new(3, WaitKind.Signal, WaitRole.EventSubProcessStart, "s", 1, 0) { Name = "other" },
            new(4, WaitKind.Timer, WaitRole.EventSubProcessStart, "t", null, null) { DueAt = EngineHarness.T0, Remaining = 3 },
            new(5, WaitKind.Timer, WaitRole.Boundary, "c", 1, null) { DueAt = EngineHarness.T0.AddDays(1), Cycle = "R3/P1D", Remaining = 0 },
            new(6, WaitKind.UserTask, WaitRole.Activity, "u", 1, null) { Name = "u", CorrelationKey = "bk", ChildInstanceId = "odd" },
            new(7, WaitKind.Child, WaitRole.Activity, "call", 1, null) { ChildInstanceId = null },
            new(8, WaitKind.Child, WaitRole.Activity, "call", 1, null) { ChildInstanceId = "elsewhere.8" },
        ];
        ImmutableArray<IncidentState> incidents = [new(2, "join", "stuck", IncidentRetry.Complete)];
        return new InstanceState("i1", "p", "bk", InstanceStatus.Running, new ParentLink("i0", "i0/w07"), scopes, tokens, waits,
            incidents, 3, 3, 8);
    }
}
