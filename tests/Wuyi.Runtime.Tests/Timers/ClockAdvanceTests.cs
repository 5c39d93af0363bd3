using Microsoft.EntityFrameworkCore;
using Wuyi.Testing;

namespace Wuyi.Runtime.Tests.Timers;

public sealed class ClockAdvanceTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task AdvanceAsync_PastSevenDays_TimerFiresAtItsDueTime(string kind)
    {
        await using var runtime = await RuntimeHarness.CreateAsync(kind);
        await runtime.DeployAsync(Models.Observation);
        var instance = await runtime.StartAsync("observation", "460105001001");

        var early = await runtime.AdvanceAsync(TimeSpan.FromDays(6));
        var stillWaiting = (await runtime.StateAsync(instance.InstanceId)).ActiveElementIds;
        var late = await runtime.AdvanceAsync(TimeSpan.FromDays(2));

        Assert.Equal(0, early.Fired);
        Assert.Equal(["SevenDays"], stillWaiting.ToArray());
        Assert.Equal(1, late.Fired);
        Assert.Equal(["Review"], (await runtime.StateAsync(instance.InstanceId)).ActiveElementIds.ToArray());
        var firedAt = await runtime.QueryAsync(db => db.History.Where(h => h.InstanceId == instance.InstanceId && h.Type == "timer-fired").Select(h => h.At).SingleAsync());
        Assert.Equal(RuntimeHarness.Start.AddDays(7), firedAt);
        Assert.Equal(RuntimeHarness.Start.AddDays(8), late.Now);
    }

    [Fact]
    public async Task AdvanceAsync_TimersOfManyInstances_FireInDueOrder()
    {
        await using var runtime = await RuntimeHarness.CreateAsync("sqlite");
        await runtime.DeployAsync(Models.Observation);
        var ids = new List<string>();
        for (var n = 0; n < 3; n++)
        {
            ids.Add((await runtime.StartAsync("observation", $"46010500100{n}")).InstanceId);
            await runtime.AdvanceAsync(TimeSpan.FromHours(1));
        }

        await runtime.AdvanceAsync(TimeSpan.FromDays(8));

        var order = await runtime.QueryAsync(db => db.History.Where(h => h.Type == "timer-fired").OrderBy(h => h.Id).Select(h => h.InstanceId).ToListAsync());
        Assert.Equal(ids, order);
    }
}
