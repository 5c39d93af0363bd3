using System.Collections.Immutable;
using System.Text.Json;
using Snapshooter.Xunit;
using Wuyi.Engine.Commands;
using Wuyi.Engine.Stimuli;
using Wuyi.Runtime.Instances;
using Wuyi.Runtime.Store;

namespace Wuyi.Runtime.Tests.Store;

/// <summary>The stored JSON of outbox commands and held stimuli is a contract across versions: pinned, and old rows read.</summary>
public sealed class StoredRecordsTests
{
    private static readonly ImmutableSortedDictionary<string, object?> Values = new Dictionary<string, object?>
    {
        ["approved"] = true, ["地区"] = "海口", ["n"] = 2L,
    }.ToImmutableSortedDictionary(StringComparer.Ordinal);

    private static string Outbox(EngineCommand command) => OutboxCommands.ToRecord("i-1", command, DateTimeOffset.UnixEpoch) is var row
        ? $"{row.Kind} {row.WaitId} {row.Payload}" : "";

    [Fact]
    public void ToRecord_EveryOutboxCommand_MatchesSnapshot() =>
        Snapshot.Match(string.Join('\n',
            Outbox(new InvokeService("i-1/w1", "Publish", "publish-result", Values)),
            Outbox(new StartChild("i-1/w2", "Call", "child", "c-1", "460105", Values)),
            Outbox(new CancelChild("c-1")),
            Outbox(new ReportToParent("p-1", "p-1/w3", ChildOutcome.Failed, Values, "E1", "boom")),
            Outbox(new ThrowMessage("Throw", "CloseContactReported", "460105001001", Values)),
            Outbox(new BroadcastSignal("Signal", "ZoneLifted", Values))));

    [Fact]
    public void Serialize_EveryHeldStimulus_MatchesSnapshot() =>
        Snapshot.Match(string.Join('\n', ((Stimulus[])
        [
            new CompleteTask("i/w1", Values), new ServiceCompleted("i/w2", Values), new ServiceFailed("i/w2", "E1", "boom"),
            new TimerFired("i/w3"), new MessageReceived("i/w4", Values), new SignalReceived("ZoneLifted", Values),
            new ChildCompleted("i/w5", Values), new ChildFailed("i/w5", "E2", null), new ChildEscalated("i/w5", "ESC"),
            new ChildTerminated("i/w5", "gone"), new RetryIncident(), new Cancel("no"),
        ]).Select(StimulusJson.Serialize)));

    [Fact]
    public void Parse_OutboxRowsWrittenBeforeTypedRecords_Read()
    {
        var service = OutboxCommand.FromJson("service", """{"waitId":"i/w1","elementId":"Publish","handler":"publish-result","variables":{"a":1}}""");
        var report = OutboxCommand.FromJson("report-to-parent",
            """{"parentInstanceId":"p","parentWaitId":"p/w2","outcome":"Completed","variables":{},"errorCode":null,"message":null}""");
        var thrown = OutboxCommand.FromJson("throw-message", """{"elementId":"T","name":"N","correlationKey":null,"variables":{}}""");

        Assert.Equal(("publish-result", 1), (Assert.IsType<ServiceInvocation>(service).Handler, Assert.IsType<ServiceInvocation>(service).Variables.GetProperty("a").GetInt32()));
        Assert.Equal(("p", "Completed"), (Assert.IsType<ParentReport>(report).ParentInstanceId, ((ParentReport)report).Outcome));
        Assert.Equal(("N", "T"), (Assert.IsType<MessageThrow>(thrown).Name, thrown.Element));
    }

    [Fact]
    public void Deserialize_HeldStimuliWrittenBeforeTypedRecords_Read()
    {
        var completed = Assert.IsType<CompleteTask>(StimulusJson.Deserialize("""{"type":"CompleteTask","waitId":"i/w1","variables":{"approved":true}}"""));
        var signal = Assert.IsType<SignalReceived>(StimulusJson.Deserialize("""{"type":"SignalReceived","signal":"S","variables":{}}"""));
        var failed = Assert.IsType<ServiceFailed>(StimulusJson.Deserialize("""{"type":"ServiceFailed","waitId":"w","errorCode":"E","message":null}"""));

        Assert.Equal(("i/w1", true), (completed.WaitId, (bool)completed.Variables!["approved"]!));
        Assert.Equal(("S", "E"), (signal.SignalName, failed.ErrorCode));
    }

    [Fact]
    public void Deserialize_UnknownStimulusType_JsonException() =>
        Assert.ThrowsAny<JsonException>(() => StimulusJson.Deserialize("""{"type":"Teleport","waitId":"w"}"""));
}
