using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wuyi.Runtime.Instances;
using Wuyi.Runtime.Tasks;
using Wuyi.Testing;

namespace Wuyi.Runtime.Tests.Instances;

public sealed class InstanceOperationsTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task SuspendAsync_CompletionWhileSuspended_HeldAndAppliedOnResume(string kind)
    {
        await using var runtime = await RuntimeHarness.CreateAsync(kind);
        var (instanceId, taskId) = await runtime.StartReviewAsync();
        var operations = (IServiceProvider s) => s.GetRequiredService<InstanceOperations>();

        await runtime.RequestAsync(s => operations(s).SuspendAsync(instanceId, "admin", CancellationToken.None));
        var held = await runtime.RequestAsync(s => s.GetRequiredService<TaskInbox>().CompleteAsync(taskId, new Dictionary<string, object?>(), "alice", CancellationToken.None));
        var whileSuspended = (await runtime.InstanceAsync(instanceId)).Status;
        await runtime.RequestAsync(s => operations(s).ResumeAsync(instanceId, "admin", CancellationToken.None));

        Assert.Equal(TaskActionStatus.Held, held.Status);
        Assert.Equal("waiting", whileSuspended);
        Assert.Equal("completed", (await runtime.InstanceAsync(instanceId)).Status);
        var history = await runtime.HistoryAsync(instanceId);
        Assert.True(history.IndexOf("instance-suspended ") < history.IndexOf("instance-resumed "));
        Assert.Equal(0, await runtime.QueryAsync(db => db.HeldStimuli.CountAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task CancelAsync_ParentWithChild_ChildCancelledToo(string kind)
    {
        await using var runtime = await RuntimeHarness.CreateAsync(kind);
        await runtime.DeployAsync(Models.ParentAndChild);
        var parent = await runtime.StartAsync("parent", "460105001001");
        var child = await runtime.QueryAsync(db => db.Instances.SingleAsync(i => i.ParentId == parent.InstanceId));
        Assert.Equal("waiting", child.Status);

        await runtime.RequestAsync(s => s.GetRequiredService<InstanceOperations>().CancelAsync(parent.InstanceId, "admin", null, CancellationToken.None));

        Assert.Equal("terminated", (await runtime.InstanceAsync(parent.InstanceId)).Status);
        Assert.Equal("terminated", (await runtime.InstanceAsync(child.Id)).Status);
        Assert.Empty(await runtime.OpenTasksAsync(child.Id));
    }

    [Fact]
    public async Task ChildCompletes_ParentResumesAndCompletes()
    {
        await using var runtime = await RuntimeHarness.CreateAsync("sqlite");
        await runtime.DeployAsync(Models.ParentAndChild);
        var parent = await runtime.StartAsync("parent", "460105001001");
        var child = await runtime.QueryAsync(db => db.Instances.SingleAsync(i => i.ParentId == parent.InstanceId));
        var task = Assert.Single(await runtime.OpenTasksAsync(child.Id));

        await runtime.RequestAsync(s => s.GetRequiredService<TaskInbox>().CompleteAsync(task.Id, new Dictionary<string, object?> { ["passed"] = true }, "inspector", CancellationToken.None));

        Assert.Equal("completed", (await runtime.InstanceAsync(parent.InstanceId)).Status);
        Assert.Equal(true, (await runtime.StateAsync(parent.InstanceId)).Variables["passed"]);
    }

    // The child's escalation reaches the parent through the outbox (report-to-parent, outcome Escalated); one held
    // while the parent is suspended is applied on resume. The child goes on; its end then completes the call.
    [Fact]
    public async Task ChildEscalates_NonInterruptingBoundaryInParent_FollowsUpWhileTheChildGoesOn()
    {
        await using var runtime = await RuntimeHarness.CreateAsync("sqlite");
        await runtime.DeployAsync(Models.ParentAndEscalatingChild);
        var parent = await runtime.StartAsync("parent", "460105001001");
        var child = await runtime.QueryAsync(db => db.Instances.SingleAsync(i => i.ParentId == parent.InstanceId));
        var operations = (IServiceProvider s) => s.GetRequiredService<InstanceOperations>();
        var inbox = (IServiceProvider s) => s.GetRequiredService<TaskInbox>();

        var inspect = Assert.Single(await runtime.OpenTasksAsync(child.Id));

        await runtime.RequestAsync(s => operations(s).SuspendAsync(parent.InstanceId, "admin", CancellationToken.None));
        await runtime.RequestAsync(s => inbox(s).CompleteAsync(inspect.Id, new Dictionary<string, object?>(), "inspector", CancellationToken.None));
        var heldWhileSuspended = await runtime.QueryAsync(db => db.HeldStimuli.CountAsync());
        await runtime.RequestAsync(s => operations(s).ResumeAsync(parent.InstanceId, "admin", CancellationToken.None));

        Assert.Equal(1, heldWhileSuspended);
        Assert.Equal(["CallChild", "FollowUp"], (await runtime.StateAsync(parent.InstanceId)).ActiveElementIds.ToArray());
        Assert.Equal("FollowUp", Assert.Single(await runtime.OpenTasksAsync(parent.InstanceId)).ElementId);
        var conclude = Assert.Single(await runtime.OpenTasksAsync(child.Id));
        await runtime.RequestAsync(s => inbox(s).CompleteAsync(conclude.Id, new Dictionary<string, object?> { ["abandoned"] = false }, "inspector", CancellationToken.None));
        Assert.Equal(["FollowUp"], (await runtime.StateAsync(parent.InstanceId)).ActiveElementIds.ToArray());
        Assert.Equal("completed", (await runtime.InstanceAsync(child.Id)).Status);
    }

    [Fact]
    public async Task ChildEscalates_InterruptingBoundaryInParent_TakesOver()
    {
        await using var runtime = await RuntimeHarness.CreateAsync("sqlite");
        await runtime.DeployAsync(Models.ParentAndEscalatingChild);
        var parent = await runtime.StartAsync("parent", "460105001001");
        var child = await runtime.QueryAsync(db => db.Instances.SingleAsync(i => i.ParentId == parent.InstanceId));
        var inbox = (IServiceProvider s) => s.GetRequiredService<TaskInbox>();
        var inspect = Assert.Single(await runtime.OpenTasksAsync(child.Id));
        await runtime.RequestAsync(s => inbox(s).CompleteAsync(inspect.Id, new Dictionary<string, object?>(), "inspector", CancellationToken.None));

        var conclude = Assert.Single(await runtime.OpenTasksAsync(child.Id));
        await runtime.RequestAsync(s => inbox(s).CompleteAsync(conclude.Id, new Dictionary<string, object?> { ["abandoned"] = true }, "inspector", CancellationToken.None));

        Assert.Equal(["FollowUp", "TakeOver"], (await runtime.StateAsync(parent.InstanceId)).ActiveElementIds.ToArray());
        Assert.Equal("waiting", (await runtime.InstanceAsync(parent.InstanceId)).Status);
        Assert.Equal("completed", (await runtime.InstanceAsync(child.Id)).Status);
    }
}
