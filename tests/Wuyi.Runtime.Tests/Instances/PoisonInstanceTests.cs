using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wuyi.Runtime.Messages;
using Wuyi.Testing;

namespace Wuyi.Runtime.Tests.Instances;

/// <summary>One instance whose stored state cannot be read (planted directly in the database) never stops a batch.</summary>
public sealed class PoisonInstanceTests
{
    // Valid JSON, but nested past what the state reader accepts: what a deep variable used to leave behind.
    private static readonly string Unreadable = "{\"v\":2,\"x\":" + new string('[', 100) + new string(']', 100) + "}";

    private static Task Plant(RuntimeHarness runtime, string instanceId) =>
        runtime.QueryAsync(db => db.Instances.Where(i => i.Id == instanceId).ExecuteUpdateAsync(s => s.SetProperty(i => i.State, Unreadable)));

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task CorrelateAsync_FanOutMeetsUnreadableInstance_OthersAdvanceOneIncident(string kind)
    {
        await using var runtime = await RuntimeHarness.CreateAsync(kind);
        await runtime.DeployAsync(Models.Contact);
        var ids = new List<string>();
        for (var n = 1; n <= 5; n++)
            ids.Add((await runtime.StartAsync("contact", $"46010500100{n}")).InstanceId);
        await Plant(runtime, ids[2]);

        var result = await runtime.RequestAsync(s => s.GetRequiredService<MessageCorrelation>().CorrelateAsync(new MessageRequest(
            "CloseContactReported", null, "460105001", "fan-1", new Dictionary<string, object?>(), null, "health"), CancellationToken.None));
        await runtime.RequestAsync(s => s.GetRequiredService<MessageCorrelation>().CorrelateAsync(new MessageRequest(
            "CloseContactReported", null, "460105001", "fan-2", new Dictionary<string, object?>(), null, "health"), CancellationToken.None));

        Assert.Equal([.. ids.Where(i => i != ids[2]).Order(StringComparer.Ordinal)], result.Correlated);
        foreach (var id in ids.Where(i => i != ids[2]))
            Assert.Equal("completed", (await runtime.InstanceAsync(id)).Status);
        var incident = Assert.Single(await runtime.QueryAsync(db => db.Incidents.AsNoTracking().ToListAsync()));
        Assert.Equal((ids[2], "runtime", (DateTimeOffset?)null), (incident.InstanceId, incident.Source, incident.ResolvedAt));
        Assert.Contains("cannot be read", incident.Message);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task AdvanceAsync_DueTimersMeetUnreadableInstance_OthersFire(string kind)
    {
        await using var runtime = await RuntimeHarness.CreateAsync(kind);
        await runtime.DeployAsync(Models.Observation);
        var ids = new List<string>();
        for (var n = 0; n < 4; n++)
            ids.Add((await runtime.StartAsync("observation")).InstanceId);
        await Plant(runtime, ids[1]);

        await runtime.AdvanceAsync(TimeSpan.FromDays(8));

        foreach (var id in ids.Where(i => i != ids[1]))
            Assert.Single(await runtime.OpenTasksAsync(id));
        Assert.Equal(ids[1], Assert.Single(await runtime.QueryAsync(db => db.Incidents.AsNoTracking().ToListAsync())).InstanceId);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task BroadcastAsync_MeetsUnreadableInstance_OthersReached(string kind)
    {
        await using var runtime = await RuntimeHarness.CreateAsync(kind);
        await runtime.DeployAsync(Models.SignalWait);
        var ids = new List<string>();
        for (var n = 0; n < 3; n++)
            ids.Add((await runtime.StartAsync("signal-wait")).InstanceId);
        await Plant(runtime, ids[0]);

        var result = await runtime.RequestAsync(s => s.GetRequiredService<SignalBroadcast>().BroadcastAsync("ZoneLifted",
            new Dictionary<string, object?>(), "b-1", "inspector", CancellationToken.None));

        Assert.Equal([.. ids.Skip(1).Order(StringComparer.Ordinal)], result.Correlated.Order(StringComparer.Ordinal));
        Assert.Equal(ids[0], Assert.Single(await runtime.QueryAsync(db => db.Incidents.AsNoTracking().ToListAsync())).InstanceId);
    }
}
