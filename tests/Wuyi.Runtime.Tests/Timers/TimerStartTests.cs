using Microsoft.EntityFrameworkCore;
using Wuyi.Testing;

namespace Wuyi.Runtime.Tests.Timers;

public sealed class TimerStartTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task AdvanceAsync_CycleStartR3_ThreeInstancesEachAtItsDueTime(string kind)
    {
        await using var runtime = await RuntimeHarness.CreateAsync(kind);
        await runtime.DeployAsync(Models.SpotCheckSchedule);

        await runtime.AdvanceAsync(TimeSpan.FromDays(29));
        var before = await runtime.QueryAsync(db => db.Instances.CountAsync());
        await runtime.AdvanceAsync(TimeSpan.FromDays(200));

        var starts = await runtime.QueryAsync(db => db.Instances.Select(i => i.CreatedAt).ToListAsync());
        Assert.Equal(0, before);
        Assert.Equal([30, 60, 90], starts.Select(s => (int)(s - RuntimeHarness.Start).TotalDays).Order());
        Assert.Equal(0, await runtime.QueryAsync(db => db.TimerStarts.CountAsync()));
    }

    [Fact]
    public async Task DeployAsync_NewVersion_ReplacesTheOldSchedule()
    {
        await using var runtime = await RuntimeHarness.CreateAsync("sqlite");
        await runtime.DeployAsync(Models.SpotCheckSchedule);

        await runtime.DeployAsync(Models.SpotCheckSchedule.Replace("R3/P30D", "R/P7D"));

        var schedule = await runtime.QueryAsync(db => db.TimerStarts.SingleAsync());
        Assert.Equal(("R/P7D", RuntimeHarness.Start.AddDays(7)), (schedule.Cycle, schedule.DueAt));
    }
}
