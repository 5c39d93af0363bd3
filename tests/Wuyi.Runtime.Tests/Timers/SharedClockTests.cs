using Microsoft.Extensions.DependencyInjection;
using Wuyi.Runtime.Timers;
using Wuyi.Testing;

namespace Wuyi.Runtime.Tests.Timers;

/// <summary>Two nodes on one database read one manual clock.</summary>
public sealed class SharedClockTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task AdvanceAsync_OnNodeA_NodeBReadsTheSameTime(string kind)
    {
        await using var a = await RuntimeHarness.CreateAsync(kind);
        await using var b = await a.AnotherNodeAsync();

        var (moved, _) = await a.AdvanceAsync(TimeSpan.FromDays(2));
        var onB = await b.RequestAsync(s => s.GetRequiredService<SharedClock>().SyncAsync(CancellationToken.None));

        Assert.Equal(RuntimeHarness.Start.AddDays(2), moved);
        Assert.Equal(moved, onB);
        Assert.Equal(moved, b.Clock.GetUtcNow());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task AdvanceAsync_TimerStartedOnBAfterAAdvanced_DueByTheSharedTimeAndFiredOnB(string kind)
    {
        await using var a = await RuntimeHarness.CreateAsync(kind);
        await using var b = await a.AnotherNodeAsync();
        await a.DeployAsync(Models.Observation);

        await a.AdvanceAsync(TimeSpan.FromDays(2));
        var started = await b.StartAsync("observation");
        var dueAt = (await b.StateAsync(started.InstanceId)).Waits.Single().DueAt;
        var (_, fired) = await b.AdvanceAsync(TimeSpan.FromDays(7));

        Assert.Equal(RuntimeHarness.Start.AddDays(9), dueAt);
        Assert.Equal(1, fired);
        Assert.Single(await b.OpenTasksAsync(started.InstanceId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task AdvanceAsync_OnNodeA_FiresTheTimerNodeBStarted(string kind)
    {
        await using var a = await RuntimeHarness.CreateAsync(kind);
        await using var b = await a.AnotherNodeAsync();
        await a.DeployAsync(Models.Observation);

        var started = await b.StartAsync("observation");
        var (_, fired) = await a.AdvanceAsync(TimeSpan.FromDays(8));

        Assert.Equal(1, fired);
        Assert.Single(await b.OpenTasksAsync(started.InstanceId));
        Assert.Equal(RuntimeHarness.Start.AddDays(8), await b.RequestAsync(s => s.GetRequiredService<SharedClock>().SyncAsync(CancellationToken.None)));
    }
}
