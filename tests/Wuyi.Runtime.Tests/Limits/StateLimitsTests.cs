using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wuyi.Engine.State;
using Wuyi.Runtime.Limits;
using Wuyi.Runtime.Messages;
using Wuyi.Runtime.Tasks;
using Wuyi.Testing;

namespace Wuyi.Runtime.Tests.Limits;

/// <summary>What is stored can always be read back: limits are checked before anything is written, by start, task
/// completion, message and buffered message alike.</summary>
public sealed class StateLimitsTests
{
    private static object? Nested(int depth) => depth == 0 ? 1L : new Dictionary<string, object?> { ["a"] = Nested(depth - 1) };

    private static Dictionary<string, object?> Deep(int depth) => new() { ["address"] = Nested(depth) };

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task StartAsync_VariableNested62Levels_RefusedNamingLimitNothingWritten(string kind)
    {
        await using var runtime = await RuntimeHarness.CreateAsync(kind);
        await runtime.DeployAsync(Models.Review);

        var refused = await Assert.ThrowsAsync<InputLimitException>(() => runtime.StartAsync("review", "460105001001", Deep(62)));

        Assert.Equal(("MaxJsonDepth", "variables.address", false), (refused.Limit, refused.Field, refused.TooLarge));
        Assert.Contains("Wuyi:Limits:MaxJsonDepth", refused.Message);
        Assert.Equal(0, await runtime.QueryAsync(db => db.Instances.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task StartAsync_VariableAtDepthLimit_StoredStateReadsBack(string kind)
    {
        await using var runtime = await RuntimeHarness.CreateAsync(kind);
        await runtime.DeployAsync(Models.Review);
        var limit = new InputLimits().MaxJsonDepth;

        var started = await runtime.StartAsync("review", "460105001001", Deep(limit));

        var state = InstanceStateJson.Deserialize((await runtime.InstanceAsync(started.InstanceId)).State);
        Assert.True(state.Variables.ContainsKey("address"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task CompleteAsync_VariableNestedPastLimit_RefusedTaskStillOpen(string kind)
    {
        await using var runtime = await RuntimeHarness.CreateAsync(kind);
        var (instanceId, taskId) = await runtime.StartReviewAsync();

        await Assert.ThrowsAsync<InputLimitException>(() => runtime.RequestAsync(s =>
            s.GetRequiredService<TaskInbox>().CompleteAsync(taskId, Deep(62), "alice", CancellationToken.None)));

        Assert.Equal(("waiting", 1), ((await runtime.InstanceAsync(instanceId)).Status, (await runtime.InstanceAsync(instanceId)).Revision));
        Assert.Single(await runtime.OpenTasksAsync(instanceId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task CorrelateAsync_MessageNestedPastLimit_RefusedNeitherDeliveredNorBuffered(string kind)
    {
        await using var runtime = await RuntimeHarness.CreateAsync(kind);
        await runtime.DeployAsync(Models.Contact);
        var waiting = await runtime.StartAsync("contact", "460105001001");
        Task Send(string id, string key) => runtime.RequestAsync(s => s.GetRequiredService<MessageCorrelation>().CorrelateAsync(
            new MessageRequest("CloseContactReported", key, null, id, Deep(62), null, "health"), CancellationToken.None));

        await Assert.ThrowsAsync<InputLimitException>(() => Send("to-a-wait", "460105001001"));
        await Assert.ThrowsAsync<InputLimitException>(() => Send("to-the-buffer", "460105001009"));

        Assert.Equal("waiting", (await runtime.InstanceAsync(waiting.InstanceId)).Status);
        Assert.Equal(0, await runtime.QueryAsync(db => db.BufferedMessages.CountAsync()));
    }

    [Fact]
    public async Task StartAsync_StringLargerThanVariableLimit_TooLarge()
    {
        await using var runtime = await RuntimeHarness.CreateAsync("sqlite", c => c.Configure<InputLimits>(l => l.MaxVariableBytes = 1000));
        await runtime.DeployAsync(Models.Review);

        var refused = await Assert.ThrowsAsync<InputLimitException>(() => runtime.StartAsync("review", null,
            new Dictionary<string, object?> { ["note"] = new string('好', 400) }));

        Assert.Equal(("MaxVariableBytes", true), (refused.Limit, refused.TooLarge));
        Assert.Equal(0, await runtime.QueryAsync(db => db.Instances.CountAsync()));
    }

    [Fact]
    public async Task CompleteAsync_StateWouldPassStateLimit_TooLargeNothingWritten()
    {
        await using var runtime = await RuntimeHarness.CreateAsync("sqlite", c => c.Configure<InputLimits>(l => l.MaxInstanceStateBytes = 3000));
        var (instanceId, taskId) = await runtime.StartReviewAsync();
        var big = Enumerable.Range(0, 4).ToDictionary(n => $"note{n}", _ => (object?)new string('x', 900));

        var refused = await Assert.ThrowsAsync<InputLimitException>(() => runtime.RequestAsync(s =>
            s.GetRequiredService<TaskInbox>().CompleteAsync(taskId, big, "alice", CancellationToken.None)));

        Assert.Equal(("MaxInstanceStateBytes", true), (refused.Limit, refused.TooLarge));
        Assert.Single(await runtime.OpenTasksAsync(instanceId));
    }
}
