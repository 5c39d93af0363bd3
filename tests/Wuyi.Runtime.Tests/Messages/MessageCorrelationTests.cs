using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wuyi.Runtime.Messages;
using Wuyi.Testing;

namespace Wuyi.Runtime.Tests.Messages;

public sealed class MessageCorrelationTests
{
    private static Task<CorrelationResult> Send(RuntimeHarness runtime, string messageId, string? key, string? prefix = null, TimeSpan? ttl = null) =>
        runtime.RequestAsync(s => s.GetRequiredService<MessageCorrelation>().CorrelateAsync(
            new MessageRequest("CloseContactReported", key, prefix, messageId, new Dictionary<string, object?> { ["contacts"] = 1L }, ttl, "health-system"),
            CancellationToken.None));

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task CorrelateAsync_SameMessageIdTenTimesConcurrently_OneEffect(string kind)
    {
        await using var runtime = await RuntimeHarness.CreateAsync(kind);
        await runtime.DeployAsync(Models.Contact);
        var instance = await runtime.StartAsync("contact", "460105001001");

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => Send(runtime, "msg-1", "460105001001"))));

        Assert.All(results, r => Assert.Equal([instance.InstanceId], r.Correlated));
        Assert.Equal("completed", (await runtime.InstanceAsync(instance.InstanceId)).Status);
        Assert.Single(await runtime.HistoryAsync(instance.InstanceId), h => h.StartsWith("instance-completed"));
        Assert.Equal(1, await runtime.QueryAsync(db => db.AppliedStimuli.CountAsync(a => a.Key.StartsWith("msg:msg-1:"))));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task CorrelateAsync_BeforeWaitExists_BufferedThenDelivered(string kind)
    {
        await using var runtime = await RuntimeHarness.CreateAsync(kind);
        await runtime.DeployAsync(Models.Contact);

        var early = await Send(runtime, "early", "460105001002");
        var instance = await runtime.StartAsync("contact", "460105001002");

        Assert.True(early.Buffered);
        Assert.Equal("completed", (await runtime.InstanceAsync(instance.InstanceId)).Status);
        Assert.Equal(0, await runtime.QueryAsync(db => db.BufferedMessages.CountAsync()));
    }

    [Fact]
    public async Task CorrelateAsync_BufferedPastTimeToLive_Dropped()
    {
        await using var runtime = await RuntimeHarness.CreateAsync("sqlite");
        await runtime.DeployAsync(Models.Contact);

        await Send(runtime, "early", "460105001003", ttl: TimeSpan.FromMinutes(10));
        await runtime.AdvanceAsync(TimeSpan.FromMinutes(11));
        var expired = await runtime.RequestAsync(s => s.GetRequiredService<MessageCorrelation>().ExpireBufferedAsync(CancellationToken.None));
        var instance = await runtime.StartAsync("contact", "460105001003");

        Assert.Equal(1, expired);
        Assert.Equal("waiting", (await runtime.InstanceAsync(instance.InstanceId)).Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task CorrelateAsync_RegionPrefix_EveryInstanceUnderItAndNoOther(string kind)
    {
        await using var runtime = await RuntimeHarness.CreateAsync(kind);
        await runtime.DeployAsync(Models.Contact);
        var inside = new List<string>();
        for (var n = 1; n <= 5; n++)
            inside.Add((await runtime.StartAsync("contact", $"460105001{n:000}")).InstanceId);
        var outside = (await runtime.StartAsync("contact", "460106001001")).InstanceId;

        var result = await Send(runtime, "township-burst", null, prefix: "460105001");

        Assert.Equal(inside.Order(), result.Correlated.Order());
        Assert.Equal("waiting", (await runtime.InstanceAsync(outside)).Status);
        Assert.False(result.Buffered);
    }

    [Fact]
    public async Task CorrelateAsync_NoWaitZeroTtl_NotBuffered()
    {
        await using var runtime = await RuntimeHarness.CreateAsync("sqlite");

        var result = await Send(runtime, "m", "4601", ttl: TimeSpan.Zero);

        Assert.Equal((0, false), (result.Correlated.Count, result.Buffered));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task DeliverStrandedAsync_BufferedAfterItsWaitLookedAtTheBuffer_Delivered(string kind)
    {
        await using var runtime = await RuntimeHarness.CreateAsync(kind);
        await runtime.DeployAsync(Models.Contact);
        var instance = await runtime.StartAsync("contact", "460105001004");
        // The race: the message request buffered its row after the wait's own follow-up had looked at the buffer.
        await runtime.QueryAsync(async db =>
        {
            db.BufferedMessages.Add(new Wuyi.Runtime.Store.BufferedMessageRecord
            {
                MessageId = "stranded", Name = "CloseContactReported", CorrelationKey = "460105001004", Variables = "{}",
                ReceivedAt = RuntimeHarness.Start, ExpiresAt = RuntimeHarness.Start.AddHours(1),
            });
            return await db.SaveChangesAsync();
        });

        var looked = await runtime.RequestAsync(s => s.GetRequiredService<MessageCorrelation>().DeliverStrandedAsync(100, CancellationToken.None));

        Assert.Equal(1, looked);
        Assert.Equal("completed", (await runtime.InstanceAsync(instance.InstanceId)).Status);
        Assert.Equal(0, await runtime.QueryAsync(db => db.BufferedMessages.CountAsync()));
    }
}
