using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wuyi.Runtime.Tasks;
using Wuyi.Testing;

namespace Wuyi.Runtime.Tests.Tasks;

public sealed class TaskInboxTests
{
    private static readonly Dictionary<string, object?> Approved = new() { ["approved"] = true };

    private static Task<TaskActionResult> Complete(RuntimeHarness runtime, string taskId, string user) =>
        runtime.RequestAsync(s => s.GetRequiredService<TaskInbox>().CompleteAsync(taskId, Approved, user, CancellationToken.None));

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task CompleteAsync_TwoPeopleAtOnce_OneWinsOtherToldWho(string kind)
    {
        await using var runtime = await RuntimeHarness.CreateAsync(kind);
        var (instanceId, taskId) = await runtime.StartReviewAsync();

        var results = await Task.WhenAll(Task.Run(() => Complete(runtime, taskId, "alice")), Task.Run(() => Complete(runtime, taskId, "bob")));

        var winner = Assert.Single(results, r => r.Status == TaskActionStatus.Done);
        var loser = Assert.Single(results, r => r.Status == TaskActionStatus.Conflict);
        Assert.StartsWith($"completed by {winner.Task!.CompletedBy} at ", loser.Conflict);
        Assert.Equal("completed", (await runtime.InstanceAsync(instanceId)).Status);
        Assert.Equal("{\"approved\":true}", winner.Task.Outcome);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task CompleteAsync_Applied_AnswersTheRowAsStored(string kind)
    {
        await using var runtime = await RuntimeHarness.CreateAsync(kind);
        var (_, taskId) = await runtime.StartReviewAsync();
        await runtime.RequestAsync(s => s.GetRequiredService<TaskInbox>().ClaimAsync(taskId, "alice", CancellationToken.None));
        // A time finer than either database keeps: the answer must show what was stored, not the clock's ticks.
        runtime.Clock.MoveTo(RuntimeHarness.Start.AddTicks(123_456_789));

        var done = await Complete(runtime, taskId, "alice");
        var stored = await runtime.QueryAsync(db => db.UserTasks.AsNoTracking().SingleAsync(t => t.Id == taskId));

        Assert.Equal(TaskActionStatus.Done, done.Status);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(stored), System.Text.Json.JsonSerializer.Serialize(done.Task));
        Assert.Equal((stored.EndedAt, stored.Revision), (done.Task!.EndedAt, done.Task.Revision));
    }

    [Fact]
    public async Task CompleteAsync_SamePersonTwice_DoneBothOneTransition()
    {
        await using var runtime = await RuntimeHarness.CreateAsync("sqlite");
        var (instanceId, taskId) = await runtime.StartReviewAsync();

        var first = await Complete(runtime, taskId, "alice");
        var revision = (await runtime.InstanceAsync(instanceId)).Revision;
        var second = await Complete(runtime, taskId, "alice");

        Assert.Equal((TaskActionStatus.Done, TaskActionStatus.Done), (first.Status, second.Status));
        Assert.Equal(revision, (await runtime.InstanceAsync(instanceId)).Revision);
    }

    [Fact]
    public async Task ClaimAsync_ClaimedByAnother_ConflictNamingClaimant()
    {
        await using var runtime = await RuntimeHarness.CreateAsync("sqlite");
        var (_, taskId) = await runtime.StartReviewAsync();
        var inbox = (IServiceProvider s) => s.GetRequiredService<TaskInbox>();

        await runtime.RequestAsync(s => inbox(s).ClaimAsync(taskId, "alice", CancellationToken.None));
        var bob = await runtime.RequestAsync(s => inbox(s).ClaimAsync(taskId, "bob", CancellationToken.None));
        var bobCompletes = await Complete(runtime, taskId, "bob");

        Assert.Equal(TaskActionStatus.Conflict, bob.Status);
        Assert.StartsWith("claimed by alice at ", bob.Conflict);
        Assert.Equal(TaskActionStatus.Conflict, bobCompletes.Status);
    }

    [Fact]
    public async Task UnclaimAsync_ByClaimant_OthersMayClaim()
    {
        await using var runtime = await RuntimeHarness.CreateAsync("sqlite");
        var (_, taskId) = await runtime.StartReviewAsync();
        var inbox = (IServiceProvider s) => s.GetRequiredService<TaskInbox>();

        await runtime.RequestAsync(s => inbox(s).ClaimAsync(taskId, "alice", CancellationToken.None));
        await runtime.RequestAsync(s => inbox(s).UnclaimAsync(taskId, "alice", CancellationToken.None));
        var bob = await runtime.RequestAsync(s => inbox(s).ClaimAsync(taskId, "bob", CancellationToken.None));

        Assert.Equal((TaskActionStatus.Done, "bob"), (bob.Status, bob.Task!.ClaimedBy));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task ClaimAndComplete_SameMoment_ExactlyOneWinsOverTwentyRounds(string kind)
    {
        await using var runtime = await RuntimeHarness.CreateAsync(kind);
        await runtime.DeployAsync(Models.Review);
        var inbox = (IServiceProvider s) => s.GetRequiredService<TaskInbox>();
        for (var round = 0; round < 20; round++)
        {
            var started = await runtime.StartAsync("review", "460105001001", new Dictionary<string, object?> { ["townshipCode"] = "460105001" });
            var taskId = (await runtime.OpenTasksAsync(started.InstanceId)).Single().Id;
            using var go = new ManualResetEventSlim();
            var claim = Task.Run(() => { go.Wait(); return runtime.RequestAsync(s => inbox(s).ClaimAsync(taskId, "alice", CancellationToken.None)); });
            var complete = Task.Run(() => { go.Wait(); return Complete(runtime, taskId, "bob"); });
            go.Set();
            var (claimed, completed) = (await claim, await complete);

            var task = await runtime.QueryAsync(db => db.UserTasks.AsNoTracking().SingleAsync(t => t.Id == taskId));
            Assert.True(claimed.Status == TaskActionStatus.Done ^ completed.Status == TaskActionStatus.Done, $"round {round}: {claimed.Status}/{completed.Status}");
            if (claimed.Status == TaskActionStatus.Done)
            {
                Assert.Equal(("open", "alice", "alice"), (task.Status, task.ClaimedBy, completed.By));
                Assert.Equal("waiting", (await runtime.InstanceAsync(started.InstanceId)).Status);
            }
            else
            {
                Assert.Equal(("completed", "bob", (string?)null, "bob"), (task.Status, task.CompletedBy, task.ClaimedBy, claimed.By));
                Assert.NotNull(claimed.At);
            }
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task CompleteAsync_TenConcurrentSamePersonSameValues_OneTransitionAllFirstAnswer(string kind)
    {
        await using var runtime = await RuntimeHarness.CreateAsync(kind);
        var (instanceId, taskId) = await runtime.StartReviewAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => Complete(runtime, taskId, "alice"))));

        Assert.All(results, r => Assert.Equal((TaskActionStatus.Done, "{\"approved\":true}"), (r.Status, r.Task!.Outcome)));
        Assert.Equal(2, (await runtime.InstanceAsync(instanceId)).Revision);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task CompleteAsync_TenConcurrentSamePersonOtherValues_OneAppliedNineConflictsSayingSo(string kind)
    {
        await using var runtime = await RuntimeHarness.CreateAsync(kind);
        var (instanceId, taskId) = await runtime.StartReviewAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(n => Task.Run(() => runtime.RequestAsync(s =>
            s.GetRequiredService<TaskInbox>().CompleteAsync(taskId, new Dictionary<string, object?> { ["score"] = (long)n }, "alice",
                CancellationToken.None)))));

        var done = Assert.Single(results, r => r.Status == TaskActionStatus.Done);
        var conflicts = results.Where(r => r.Status == TaskActionStatus.Conflict).ToList();
        Assert.Equal(9, conflicts.Count);
        Assert.All(conflicts, c => Assert.Contains("with other values", c.Conflict));
        Assert.All(conflicts, c => Assert.Equal("alice", c.By));
        var stored = await runtime.QueryAsync(db => db.UserTasks.AsNoTracking().SingleAsync(t => t.Id == taskId));
        Assert.Equal(stored.Outcome, done.Task!.Outcome);
        Assert.Equal(2, (await runtime.InstanceAsync(instanceId)).Revision);
    }

    [Fact]
    public async Task CompleteAsync_ReplayWithOtherValues_ConflictNothingChanged()
    {
        await using var runtime = await RuntimeHarness.CreateAsync("sqlite");
        var (instanceId, taskId) = await runtime.StartReviewAsync();

        await Complete(runtime, taskId, "alice");
        var replay = await runtime.RequestAsync(s => s.GetRequiredService<TaskInbox>().CompleteAsync(taskId,
            new Dictionary<string, object?> { ["approved"] = false }, "alice", CancellationToken.None));

        Assert.Equal(TaskActionStatus.Conflict, replay.Status);
        Assert.Contains("with other values", replay.Conflict);
        Assert.Equal("{\"approved\":true}", replay.Task!.Outcome);
    }
}
