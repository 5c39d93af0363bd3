using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wuyi.Engine.Stimuli;
using Wuyi.Runtime.Instances;
using Wuyi.Testing;

namespace Wuyi.Runtime.Tests.Instances;

public sealed class InstanceTransitionsTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task StartAsync_UserTaskProcess_WaitingWithTaskWaitAndHistory(string kind)
    {
        await using var runtime = await RuntimeHarness.CreateAsync(kind);
        await runtime.DeployAsync(Models.Review);

        var started = await runtime.StartAsync("review", "460105001001", new Dictionary<string, object?> { ["townshipCode"] = "460105001" });

        var instance = await runtime.InstanceAsync(started.InstanceId);
        var task = Assert.Single(await runtime.OpenTasksAsync(started.InstanceId));
        Assert.Equal(("waiting", 1, "460105001001"), (instance.Status, instance.Revision, instance.RegionCode));
        Assert.Equal(("Review", "township-reviewer:460105001"), (task.ElementId, task.CandidateGroups));
        Assert.Equal(1, await runtime.QueryAsync(db => db.Waits.CountAsync(w => w.InstanceId == started.InstanceId)));
        Assert.Contains("task-created Review", await runtime.HistoryAsync(started.InstanceId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task ApplyAsync_SameKeyTwice_AppliedOnceThenDuplicate(string kind)
    {
        await using var runtime = await RuntimeHarness.CreateAsync(kind);
        var started = await runtime.StartReviewAsync();
        var request = new StimulusRequest(started.InstanceId, new CompleteTask(started.TaskId), "client-key-1", "alice");

        var first = await runtime.RequestAsync(s => s.GetRequiredService<InstanceTransitions>().ApplyAsync(request, CancellationToken.None));
        var history = await runtime.HistoryAsync(started.InstanceId);
        var second = await runtime.RequestAsync(s => s.GetRequiredService<InstanceTransitions>().ApplyAsync(request, CancellationToken.None));

        Assert.Equal((TransitionStatus.Applied, TransitionStatus.Duplicate), (first.Status, second.Status));
        Assert.Equal(first.Revision, second.Revision);
        Assert.Equal(history, await runtime.HistoryAsync(started.InstanceId));
        Assert.Equal("completed", (await runtime.InstanceAsync(started.InstanceId)).Status);
        Assert.Equal(0, await runtime.QueryAsync(db => db.Waits.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task ApplyAsync_TenConcurrentDifferentKeysSameWait_ExactlyOneApplied(string kind)
    {
        await using var runtime = await RuntimeHarness.CreateAsync(kind);
        var started = await runtime.StartReviewAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(n => Task.Run(() =>
            runtime.RequestAsync(s => s.GetRequiredService<InstanceTransitions>().ApplyAsync(
                new StimulusRequest(started.InstanceId, new CompleteTask(started.TaskId), $"key-{n}", $"user-{n}"), CancellationToken.None)))));

        Assert.Equal(1, outcomes.Count(o => o.Status == TransitionStatus.Applied));
        Assert.Equal(9, outcomes.Count(o => o.Status == TransitionStatus.Refused));
        Assert.Single(await runtime.HistoryAsync(started.InstanceId), h => h.StartsWith("instance-completed"));
    }

    [Fact]
    public async Task StartAsync_SameInstanceIdTwice_OneInstance()
    {
        await using var runtime = await RuntimeHarness.CreateAsync("sqlite");
        await runtime.DeployAsync(Models.Review);

        var first = await runtime.StartAsync("review", id: "fixed-id");
        var second = await runtime.StartAsync("review", id: "fixed-id");

        Assert.Equal((TransitionStatus.Applied, TransitionStatus.Duplicate), (first.Status, second.Status));
        Assert.Equal(1, await runtime.QueryAsync(db => db.Instances.CountAsync()));
    }

    [Fact]
    public async Task StartAsync_UnknownProcess_KeyNotFound()
    {
        await using var runtime = await RuntimeHarness.CreateAsync("sqlite");

        await Assert.ThrowsAsync<KeyNotFoundException>(() => runtime.StartAsync("nothing"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task StartAsync_TaskDueInChinaStandardTime_StoredAsTheSameInstant(string kind)
    {
        await using var runtime = await RuntimeHarness.CreateAsync(kind);
        await runtime.DeployAsync(Models.Review.Replace("camunda:candidateGroups", "camunda:dueDate=\"2022-08-31T00:00:00+08:00\" camunda:candidateGroups"));

        var started = await runtime.StartAsync("review", "460105001001", new Dictionary<string, object?> { ["townshipCode"] = "460105001" });

        var task = Assert.Single(await runtime.OpenTasksAsync(started.InstanceId));
        Assert.Equal(DateTimeOffset.Parse("2022-08-30T16:00:00Z", System.Globalization.CultureInfo.InvariantCulture), task.DueAt);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task ApplyBatchAsync_MixedBatch_EachStimulusItsOwnOutcomeInOneCommit(string kind)
    {
        await using var runtime = await RuntimeHarness.CreateAsync(kind);
        var applied = await runtime.StartReviewAsync("460105001001");
        var suspended = await runtime.StartReviewAsync("460105001002");
        var repeated = await runtime.StartReviewAsync("460105001003");
        await runtime.RequestAsync(s => s.GetRequiredService<InstanceOperations>().SuspendAsync(suspended.InstanceId, "admin", CancellationToken.None));
        await runtime.RequestAsync(s => s.GetRequiredService<InstanceTransitions>().ApplyAsync(
            new StimulusRequest(repeated.InstanceId, new CompleteTask(repeated.TaskId), "k3", "alice"), CancellationToken.None));

        var outcomes = await runtime.RequestAsync(s => s.GetRequiredService<InstanceTransitions>().ApplyBatchAsync(
        [
            new StimulusRequest(applied.InstanceId, new CompleteTask(applied.TaskId), "k1", "alice"),
            new StimulusRequest(suspended.InstanceId, new CompleteTask(suspended.TaskId), "k2", "alice"),
            new StimulusRequest(repeated.InstanceId, new CompleteTask(repeated.TaskId), "k3", "alice"),
            new StimulusRequest("no-such-instance", new CompleteTask("x/w1"), "k4", "alice"),
        ], CancellationToken.None));

        Assert.Equal([TransitionStatus.Applied, TransitionStatus.Held, TransitionStatus.Duplicate, TransitionStatus.NotFound], outcomes.Select(o => o.Status));
        Assert.Equal("completed", (await runtime.InstanceAsync(applied.InstanceId)).Status);
        Assert.Equal("waiting", (await runtime.InstanceAsync(suspended.InstanceId)).Status);
        Assert.Equal(1, await runtime.QueryAsync(db => db.HeldStimuli.CountAsync()));
        Assert.Equal("completed", (await runtime.QueryAsync(db => db.UserTasks.SingleAsync(t => t.Id == applied.TaskId))).Status);
    }
}
