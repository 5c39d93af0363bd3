using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Snapshooter.Xunit;
using Wuyi.Runtime.Messages;
using Wuyi.Runtime.Store;
using Wuyi.Testing;

namespace Wuyi.Runtime.Tests.Messages;

/// <summary>An accepted fan-out finishes without its sender: recorded first, resumed by any node after a crash.</summary>
public sealed class FanOutTests
{
    private static readonly JsonElement Payload = JsonSerializer.SerializeToElement(new Dictionary<string, object?> { ["contacts"] = 2L, ["地区"] = "海口" });

    private static async Task<List<string>> StartContactsAsync(RuntimeHarness runtime, int count)
    {
        await runtime.DeployAsync(Models.Contact);
        var ids = new List<string>();
        for (var n = 1; n <= count; n++)
            ids.Add((await runtime.StartAsync("contact", $"46010500100{n}")).InstanceId);
        return ids;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task CorrelateAsync_RegionFanOut_RecordedThenDone(string kind)
    {
        await using var runtime = await RuntimeHarness.CreateAsync(kind);
        await StartContactsAsync(runtime, 3);

        await runtime.RequestAsync(s => s.GetRequiredService<MessageCorrelation>().CorrelateAsync(new MessageRequest(
            "CloseContactReported", null, "460105", "fan-1", new Dictionary<string, object?>(), null, "health"), CancellationToken.None));

        var row = Assert.Single(await runtime.QueryAsync(db => db.FanOuts.AsNoTracking().ToListAsync()));
        Assert.Equal(("message:fan-1", "done"), (row.Id, row.Status));
        Assert.IsType<MessageFanOut>(FanOutRequest.FromJson(row.Request));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task RoundAsync_FanOutRecordedButCutShort_BackgroundLoopFinishesIt(string kind)
    {
        await using var runtime = await RuntimeHarness.CreateAsync(kind);
        var ids = await StartContactsAsync(runtime, 5);
        // What a node that crashed after two deliveries leaves: the recorded request, a lapsed claim, two instances reached.
        var request = new MessageFanOut("CloseContactReported", "460105", "crashed-1", Payload, "health");
        await runtime.QueryAsync(async db =>
        {
            db.FanOuts.Add(new FanOutRecord
            {
                Id = request.Id, Request = request.ToJson(), Status = "pending", ClaimedBy = "dead-node", Attempts = 1,
                ClaimedUntil = RuntimeHarness.Start.AddMinutes(-1), CreatedAt = RuntimeHarness.Start.AddMinutes(-2),
            });
            return await db.SaveChangesAsync();
        });
        foreach (var id in ids.Take(2))
            await runtime.RequestAsync(s => s.GetRequiredService<MessageCorrelation>().CorrelateAsync(new MessageRequest(
                "CloseContactReported", runtime.InstanceAsync(id).Result.BusinessKey, null, "crashed-1", new Dictionary<string, object?>(), TimeSpan.Zero,
                "health"), CancellationToken.None));

        await ActivatorUtilities.CreateInstance<RuntimeLoop>(runtime.Services).RoundAsync(CancellationToken.None);

        foreach (var id in ids)
            Assert.Equal("completed", (await runtime.InstanceAsync(id)).Status);
        Assert.Equal(5, await runtime.QueryAsync(db => db.AppliedStimuli.CountAsync(a => a.Key.StartsWith("msg:crashed-1:"))));
        Assert.Equal("done", (await runtime.QueryAsync(db => db.FanOuts.AsNoTracking().SingleAsync())).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task RoundAsync_BroadcastRecordedButCutShort_BackgroundLoopFinishesIt(string kind)
    {
        await using var runtime = await RuntimeHarness.CreateAsync(kind);
        await runtime.DeployAsync(Models.SignalWait);
        var ids = new List<string>();
        for (var n = 0; n < 3; n++)
            ids.Add((await runtime.StartAsync("signal-wait")).InstanceId);
        var request = new SignalFanOut("ZoneLifted", "b-crashed", Payload, "inspector");
        await runtime.QueryAsync(async db =>
        {
            db.FanOuts.Add(new FanOutRecord { Id = request.Id, Request = request.ToJson(), Status = "pending", CreatedAt = RuntimeHarness.Start });
            return await db.SaveChangesAsync();
        });

        await ActivatorUtilities.CreateInstance<RuntimeLoop>(runtime.Services).RoundAsync(CancellationToken.None);

        foreach (var id in ids)
            Assert.Equal("completed", (await runtime.InstanceAsync(id)).Status);
    }

    [Fact]
    public void ToJson_MessageFanOut_MatchesSnapshot() =>
        Snapshot.Match(new MessageFanOut("CloseContactReported", "460105", "m-1", Payload, "health").ToJson());

    [Fact]
    public void ToJson_SignalFanOut_MatchesSnapshot() =>
        Snapshot.Match(new SignalFanOut("ZoneLifted", "b-1", Payload, "inspector").ToJson());

    [Fact]
    public void FromJson_StoredMessageFanOut_Read()
    {
        var read = Assert.IsType<MessageFanOut>(FanOutRequest.FromJson(
            """{"kind":"message","name":"N","regionPrefix":"46","messageId":"m","variables":{"a":1},"actor":"x"}"""));

        Assert.Equal(("N", "46", "message:m"), (read.Name, read.RegionPrefix, read.Id));
    }
}
