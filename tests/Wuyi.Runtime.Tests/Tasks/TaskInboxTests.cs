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
}
