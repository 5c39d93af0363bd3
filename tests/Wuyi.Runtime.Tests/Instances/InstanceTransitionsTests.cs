using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wuyi.Engine.Stimuli;
using Wuyi.Runtime.Instances;
using Wuyi.Runtime.Store;
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
    public async Task ApplyAsync_SameKeyOtherPayload_KeyReusedSayingWhatDiffers(string kind)
    {
        await using var runtime = await RuntimeHarness.CreateAsync(kind);
        var started = await runtime.StartReviewAsync();
        Task<TransitionOutcome> Apply(Wuyi.Engine.Stimuli.Stimulus stimulus) => runtime.RequestAsync(s => s.GetRequiredService<InstanceTransitions>()
            .ApplyAsync(new StimulusRequest(started.InstanceId, stimulus, "client-key-2", "alice"), CancellationToken.None));
        var values = new Dictionary<string, object?> { ["approved"] = true, ["note"] = "好" };

        var first = await Apply(new CompleteTask(started.TaskId, values));
        var same = await Apply(new CompleteTask(started.TaskId, new Dictionary<string, object?> { ["note"] = "好", ["approved"] = true }));
        var other = await Apply(new CompleteTask(started.TaskId, new Dictionary<string, object?> { ["approved"] = false }));
        var otherKind = await Apply(new Cancel("no"));

        Assert.Equal((TransitionStatus.Applied, TransitionStatus.Duplicate), (first.Status, same.Status));
        Assert.Equal((TransitionStatus.KeyReused, TransitionStatus.KeyReused), (other.Status, otherKind.Status));
        Assert.Contains("other values", other.Refusal);
        Assert.Contains("for a CompleteTask, not a Cancel", otherKind.Refusal);
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

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task ApplyBatchAsync_WritesWhatOneByOneWrites(string kind)
    {
        // On PostgreSQL a batch writes its rows in bulk (one statement per table); the rows must be the same as those
        // the one-by-one path writes through EF Core: instance, waits, tasks, history in order, applied keys.
        await using var runtime = await RuntimeHarness.CreateAsync(kind);
        await runtime.DeployAsync(Models.Observation);
        var batched = new List<string>();
        var single = new List<string>();
        for (var n = 0; n < 3; n++)
        {
            batched.Add((await runtime.StartAsync("observation", $"46010500100{n}", id: $"b{n}")).InstanceId);
            single.Add((await runtime.StartAsync("observation", $"46010500100{n}", id: $"s{n}")).InstanceId);
        }
        async Task<StimulusRequest> FireAsync(string id) =>
            new(id, new TimerFired((await runtime.StateAsync(id)).Waits.Single().WaitId), $"fire:{id}", "system:timer");

        var outcomes = await runtime.RequestAsync(async s => await s.GetRequiredService<InstanceTransitions>().ApplyBatchAsync(
            [.. await Task.WhenAll(batched.Select(FireAsync))], CancellationToken.None));
        foreach (var id in single)
            await runtime.RequestAsync(async s => await s.GetRequiredService<InstanceTransitions>().ApplyAsync(await FireAsync(id), CancellationToken.None));

        Assert.All(outcomes, o => Assert.Equal((TransitionStatus.Applied, 2), (o.Status, o.Revision)));
        foreach (var (b, s) in batched.Zip(single))
        {
            var (bi, si) = (await runtime.InstanceAsync(b), await runtime.InstanceAsync(s));
            Assert.Equal((si.Status, si.Revision, si.UpdatedAt, si.EndedAt), (bi.Status, bi.Revision, bi.UpdatedAt, bi.EndedAt));
            Assert.Equal(si.State.Replace(s, b), bi.State);
            Assert.Equal(await RowsAsync(runtime, s), (await RowsAsync(runtime, b)).Replace(b, s));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task StartBatchAsync_WritesWhatOneByOneWrites_ExistingIdDuplicate(string kind)
    {
        await using var runtime = await RuntimeHarness.CreateAsync(kind);
        await runtime.DeployAsync(Models.Review);
        var variables = new Dictionary<string, object?> { ["townshipCode"] = "460105001" };
        await runtime.StartAsync("review", "460105001009", variables, id: "b9");
        for (var n = 0; n < 3; n++)
            await runtime.StartAsync("review", $"46010500100{n}", variables, id: $"s{n}");

        var outcomes = await runtime.RequestAsync(s => s.GetRequiredService<InstanceTransitions>().StartBatchAsync(
            [.. Enumerable.Range(0, 3).Select(n => new StartInstanceRequest("review", $"46010500100{n}", variables, "tester", $"b{n}")),
             new StartInstanceRequest("review", "460105001009", variables, "tester", "b9")], CancellationToken.None));

        Assert.Equal([TransitionStatus.Applied, TransitionStatus.Applied, TransitionStatus.Applied, TransitionStatus.Duplicate], outcomes.Select(o => o.Status));
        for (var n = 0; n < 3; n++)
        {
            var (b, s) = ($"b{n}", $"s{n}");
            var (bi, si) = (await runtime.InstanceAsync(b), await runtime.InstanceAsync(s));
            Assert.Equal((si.Status, si.Revision, si.RegionCode, si.BusinessKey, si.DefinitionId, si.CreatedAt), (bi.Status, bi.Revision, bi.RegionCode, bi.BusinessKey, bi.DefinitionId, bi.CreatedAt));
            Assert.Equal(si.State.Replace(s, b), bi.State);
            Assert.Equal(await RowsAsync(runtime, s), (await RowsAsync(runtime, b)).Replace(b, s));
            Assert.Single(await runtime.OpenTasksAsync(b));
        }
    }

    /// <summary>Records what it is called with, writes one row of its own through the transaction, and can be told to fail.</summary>
    private sealed class RecordingObserver : ITransitionObserver
    {
        public List<List<(string Id, int Revision, bool Started, string Status)>> Calls { get; } = [];

        public bool Fail { get; set; }

        public Task OnCommittingAsync(RuntimeDbContext db, IReadOnlyList<CommittedTransition> transitions, CancellationToken cancellationToken)
        {
            Calls.Add([.. transitions.Select(t => (t.InstanceId, t.Revision, t.Before is null, t.After.Status.ToString()))]);
            if (Fail)
                throw new InvalidOperationException("the read model is broken");
            db.Incidents.Add(new IncidentRecord { InstanceId = transitions[0].InstanceId, ElementId = "observer", Source = "test", Message = "seen", CreatedAt = RuntimeHarness.Start });
            return Task.CompletedTask;
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Observer_CalledOncePerTransactionWithItsTransitions_WritesCommitOrRollBackWithThem(string kind)
    {
        var observer = new RecordingObserver();
        await using var runtime = await RuntimeHarness.CreateAsync(kind, s => s.AddSingleton<ITransitionObserver>(observer));
        await runtime.DeployAsync(Models.Observation);
        var started = await runtime.RequestAsync(s => s.GetRequiredService<InstanceTransitions>().StartBatchAsync(
            [new StartInstanceRequest("observation", "460105001001", null, "tester", "o1"), new StartInstanceRequest("observation", "460105001002", null, "tester", "o2")],
            CancellationToken.None));
        async Task<StimulusRequest> FireAsync(string id) =>
            new(id, new TimerFired((await runtime.StateAsync(id)).Waits.Single().WaitId), $"fire:{id}", "system:timer");

        observer.Fail = true;
        var failing = await FireAsync("o1");
        await Assert.ThrowsAsync<InvalidOperationException>(() => runtime.RequestAsync(s => s.GetRequiredService<InstanceTransitions>().ApplyAsync(failing, CancellationToken.None)));
        var afterFailure = (await runtime.InstanceAsync("o1")).Revision;
        observer.Fail = false;
        await runtime.RequestAsync(async s => await s.GetRequiredService<InstanceTransitions>().ApplyAsync(await FireAsync("o1"), CancellationToken.None));

        Assert.Equal([TransitionStatus.Applied, TransitionStatus.Applied], started.Select(o => o.Status));
        Assert.Equal([[("o1", 1, true, "Waiting"), ("o2", 1, true, "Waiting")], [("o1", 2, false, "Waiting")], [("o1", 2, false, "Waiting")]], observer.Calls);
        Assert.Equal(1, afterFailure); // the failing observer rolled the transition back
        Assert.Equal(2, await runtime.QueryAsync(db => db.Incidents.CountAsync(i => i.ElementId == "observer"))); // the batch's row and the retry's
    }

    private static async Task<string> RowsAsync(RuntimeHarness runtime, string instanceId) => string.Join("\n",
    [
        .. await runtime.QueryAsync(db => db.Waits.AsNoTracking().Where(w => w.InstanceId == instanceId).OrderBy(w => w.Id)
            .Select(w => $"wait {w.Id} {w.Kind} {w.ElementId} {w.Name} {w.CorrelationKey} {w.DueAt}").ToListAsync()),
        .. await runtime.QueryAsync(db => db.UserTasks.AsNoTracking().Where(t => t.InstanceId == instanceId).OrderBy(t => t.Id)
            .Select(t => $"task {t.Id} {t.ElementId} {t.Status} {t.CreatedAt}").ToListAsync()),
        .. await runtime.QueryAsync(db => db.History.AsNoTracking().Where(h => h.InstanceId == instanceId).OrderBy(h => h.Id)
            .Select(h => $"history {h.At} {h.Type} {h.ElementId} {h.Actor} {h.Data}").ToListAsync()),
        .. await runtime.QueryAsync(db => db.AppliedStimuli.AsNoTracking().Where(a => a.InstanceId == instanceId).OrderBy(a => a.Key)
            .Select(a => $"applied {a.Key} {a.Actor} {a.AppliedAt} {a.Revision}").ToListAsync()),
    ]);
}
