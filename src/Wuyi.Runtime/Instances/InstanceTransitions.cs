using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Wuyi.Engine.Execution;
using Wuyi.Engine.State;
using Wuyi.Engine.Stimuli;
using Wuyi.Runtime.Definitions;
using Wuyi.Runtime.Messages;
using Wuyi.Runtime.Store;
using Wuyi.Runtime.Telemetry;

namespace Wuyi.Runtime.Instances;

/// <summary>
/// The one place where instances change. Each start or stimulus is one database transaction (a batch of them for
/// distinct instances shares one): the engine's step, the instance row (guarded by its revision), the waits index,
/// tasks, history, outbox, the idempotency key and what the <see cref="ITransitionObserver"/>s write commit together
/// or not at all. A revision conflict (another node got there first) is retried here with fresh state; a repeat of an
/// applied key changes nothing.
/// </summary>
public sealed class InstanceTransitions(RuntimeDbContext db, DefinitionCatalog catalog, TimeProvider clock,
    PendingWork pending, IEnumerable<ITransitionObserver> observers, ILogger<InstanceTransitions> logger)
{
    private const int MaxAttempts = 8;

    /// <summary>Starts an instance. Starting an <see cref="StartInstanceRequest.InstanceId"/> that exists changes nothing.</summary>
    /// <exception cref="KeyNotFoundException">No version of the process is deployed.</exception>
    public async Task<TransitionOutcome> StartAsync(StartInstanceRequest request, CancellationToken cancellationToken)
    {
        request = WithId(request);
        return Followed(await WithRetryAsync(async () => (await InTransactionAsync(ct => StartAllAsync([request], ct), null, cancellationToken))[0],
            cancellationToken));
    }

    /// <summary>
    /// Starts instances in ONE transaction (imports, seeding): one commit, and on PostgreSQL one round trip per table,
    /// for the whole batch. If anything conflicts, the batch rolls back and its starts are made one by one.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No version of a process is deployed.</exception>
    public async Task<IReadOnlyList<TransitionOutcome>> StartBatchAsync(IReadOnlyList<StartInstanceRequest> requests, CancellationToken cancellationToken)
    {
        requests = [.. requests.Select(WithId)];
        return await BatchedAsync(requests, requests.Select(r => r.InstanceId!), ct => StartAllAsync(requests, ct), StartAsync, cancellationToken);
    }

    /// <summary>Applies a stimulus with nothing alongside.</summary>
    public Task<TransitionOutcome> ApplyAsync(StimulusRequest request, CancellationToken cancellationToken) =>
        ApplyAsync(request, null, cancellationToken);

    /// <summary>Applies a stimulus to an instance, exactly once per idempotency key.</summary>
    /// <param name="request">The stimulus.</param>
    /// <param name="alongside">More writes that must commit with the step, or not at all (e.g. consuming a buffered
    /// message); called only when the step applies.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<TransitionOutcome> ApplyAsync(StimulusRequest request, Alongside? alongside, CancellationToken cancellationToken) =>
        Followed(await WithRetryAsync(async () => (await InTransactionAsync(ct => StepAllAsync([request], ct), alongside, cancellationToken))[0],
            cancellationToken));

    /// <summary>
    /// Applies stimuli for distinct instances in ONE transaction — one commit, one WAL flush, and on PostgreSQL one
    /// round trip per table, for a whole batch of a fan-out or of due timers. Each stimulus is still revision-checked
    /// and idempotent; if anything conflicts, the batch rolls back and its stimuli are applied one by one, each with
    /// its own retries.
    /// </summary>
    public Task<IReadOnlyList<TransitionOutcome>> ApplyBatchAsync(IReadOnlyList<StimulusRequest> requests, CancellationToken cancellationToken) =>
        BatchedAsync(requests, requests.Select(r => r.InstanceId), ct => StepAllAsync(requests, ct), ApplyAsync, cancellationToken);

    private StartInstanceRequest WithId(StartInstanceRequest request) =>
        request.InstanceId is null ? request with { InstanceId = Guid.CreateVersion7(clock.GetUtcNow()).ToString("N") } : request;

    private async Task<IReadOnlyList<TransitionOutcome>> BatchedAsync<T>(IReadOnlyList<T> requests, IEnumerable<string> instanceIds,
        Func<CancellationToken, Task<List<Written>>> compute, Func<T, CancellationToken, Task<TransitionOutcome>> one, CancellationToken cancellationToken)
    {
        if (requests.Count > 1 && instanceIds.Distinct().Count() == requests.Count)
        {
            try
            {
                return [.. (await InTransactionAsync(compute, null, cancellationToken)).Select(Followed)];
            }
            catch (Exception e) when (Transience.IsRetryable(e))
            {
                logger.LogDebug("A batch of {Count} transitions conflicted ({Error}); making them one by one", requests.Count, e.GetType().Name);
            }
        }
        var outcomes = new List<TransitionOutcome>(requests.Count);
        foreach (var request in requests)
            outcomes.Add(await one(request, cancellationToken));
        return outcomes;
    }

    // One transaction: compute every step in memory, write them all, commit once (or not at all).
    private async Task<List<TransitionOutcome>> InTransactionAsync(Func<CancellationToken, Task<List<Written>>> compute, Alongside? alongside,
        CancellationToken cancellationToken)
    {
        // The transaction is ours and all-or-nothing: EF's automatic savepoint before SaveChanges costs two
        // round trips per transition and buys nothing here.
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var written = await compute(cancellationToken);
            var changed = written.Where(w => w.Effects is not null).ToList();
            if (changed.Count > 1 && PostgresBulkWrite.Applies(db))
                await PostgresBulkWrite.WriteAsync(db, [.. changed.Select(w => w.Inserted).OfType<InstanceRecord>()],
                    [.. changed.Select(w => w.Change).OfType<InstanceChange>()], [.. changed.Select(w => w.Effects!)], cancellationToken);
            else
                foreach (var w in changed)
                {
                    if (w.Inserted is not null)
                        db.Instances.Add(w.Inserted);
                    else
                        await w.Change!.WriteAsync(db, cancellationToken);
                    await w.Effects!.WriteSteadyAsync(db, cancellationToken);
                }
            foreach (var w in changed)
                await w.Effects!.WriteOccasionalAsync(db, cancellationToken);
            if (alongside is not null && changed.Count > 0)
                await alongside(db, clock.GetUtcNow(), cancellationToken);
            if (changed.Count > 0)
                foreach (var observer in observers)
                    await observer.OnCommittingAsync(db, [.. changed.Select(w => w.Committed!)], cancellationToken);
            if (written.Any(w => w.Changed))
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                RuntimeMetrics.Committed(changed.Count);
            }
            return [.. written.Select(w => w.Outcome())];
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private sealed record AppliedKey(string InstanceId, int Revision);

    /// <summary>What one start or stimulus does, not yet written: the new or changed instance row and the step's other rows.</summary>
    private sealed record Written(TransitionStatus Status, string InstanceId, int Revision, string? Refusal = null,
        InstanceRecord? Inserted = null, InstanceChange? Change = null, StepEffects? Effects = null, CommittedTransition? Committed = null)
    {
        public bool Changed => Status is TransitionStatus.Applied or TransitionStatus.Held;

        public TransitionOutcome Outcome() => new(Status, InstanceId, Revision, Refusal, Effects is null ? null : [.. Effects.Outbox.Select(o => o.Id)]);
    }

    // Starts, computed in memory against one read of the ids that exist already.
    private async Task<List<Written>> StartAllAsync(IReadOnlyList<StartInstanceRequest> requests, CancellationToken cancellationToken)
    {
        var ids = requests.Select(r => r.InstanceId!).ToList();
        var existing = await db.Instances.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Revision, cancellationToken);
        var versions = new Dictionary<(string, long?), (long Id, string Key)>();
        var written = new List<Written>(requests.Count);
        foreach (var request in requests)
        {
            var id = request.InstanceId!;
            if (existing.TryGetValue(id, out var revision))
            {
                written.Add(new Written(TransitionStatus.Duplicate, id, revision));
                continue;
            }
            if (!versions.TryGetValue((request.ProcessKey, request.DefinitionId), out var definition))
                versions[(request.ProcessKey, request.DefinitionId)] = definition = request.DefinitionId is { } definitionId
                    ? (definitionId, await db.Definitions.Where(d => d.Id == definitionId).Select(d => d.Key).SingleAsync(cancellationToken))
                    : (await catalog.LatestIdAsync(db, request.ProcessKey, cancellationToken)
                       ?? throw new KeyNotFoundException($"no version of process '{request.ProcessKey}' is deployed"), request.ProcessKey);
            var definitions = await catalog.GetAsync(db, definition.Id, cancellationToken);
            var now = clock.GetUtcNow();
            var step = ProcessEngine.Start(definitions, definition.Key,
                new StartRequest(id, request.BusinessKey, request.Variables, request.StartEventId, request.Parent), now);
            if (!step.Applied)
            {
                written.Add(new Written(TransitionStatus.Refused, id, 0, step.Refusal));
                continue;
            }
            var record = new InstanceRecord
            {
                Id = id, DefinitionId = definition.Id, ProcessKey = definition.Key, BusinessKey = request.BusinessKey,
                RegionCode = RegionCodeOf(request.BusinessKey, request.Variables), ParentId = request.Parent?.InstanceId,
                Status = StatusOf(step.State), State = InstanceStateJson.Serialize(step.State), Revision = 1,
                CreatedAt = now, UpdatedAt = now, EndedAt = step.State.HasEnded ? now : null,
            };
            written.Add(new Written(TransitionStatus.Applied, id, 1, Inserted: record,
                Effects: StepEffects.Of(record, null, step, null, null, 1, request.Actor, now),
                Committed: new CommittedTransition(id, record.ProcessKey, record.BusinessKey, 1, null, step.State, now, now, record.EndedAt)));
        }
        return written;
    }

    // Stimuli, computed in memory against one read of their applied keys and one of their instances.
    private async Task<List<Written>> StepAllAsync(IReadOnlyList<StimulusRequest> requests, CancellationToken cancellationToken)
    {
        var keys = requests.Select(r => r.IdempotencyKey).ToList();
        var applied = await db.AppliedStimuli.AsNoTracking().Where(s => keys.Contains(s.Key))
            .ToDictionaryAsync(s => s.Key, s => new AppliedKey(s.InstanceId, s.Revision), cancellationToken);
        var ids = requests.Where(r => !applied.ContainsKey(r.IdempotencyKey)).Select(r => r.InstanceId).ToList();
        var instances = ids.Count == 0 ? []
            : await db.Instances.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        var written = new List<Written>(requests.Count);
        foreach (var request in requests)
            written.Add(await StepAsync(request, applied.GetValueOrDefault(request.IdempotencyKey), instances.GetValueOrDefault(request.InstanceId),
                cancellationToken));
        return written;
    }

    // One stimulus against what was read for it: the engine's step, computed in memory. Only a hold writes (tracked,
    // saved with the rest).
    private async Task<Written> StepAsync(StimulusRequest request, AppliedKey? applied, InstanceRecord? instance, CancellationToken cancellationToken)
    {
        if (applied is not null)
            return new Written(TransitionStatus.Duplicate, applied.InstanceId, applied.Revision);
        if (instance is null)
            return new Written(TransitionStatus.NotFound, request.InstanceId, 0);
        var now = clock.GetUtcNow();
        if (instance.Suspended && request.Stimulus is not Cancel)
            return await HoldAsync(request, instance, now, cancellationToken);

        var before = InstanceStateJson.Deserialize(instance.State);
        var definitions = await catalog.GetAsync(db, instance.DefinitionId, cancellationToken);
        var step = ProcessEngine.Step(definitions, before, request.Stimulus, now);
        if (!step.Applied)
            return new Written(TransitionStatus.Refused, instance.Id, instance.Revision, step.Refusal);

        var revision = instance.Revision + 1;
        var change = new InstanceChange(instance.Id, instance.Revision, revision, InstanceStateJson.Serialize(step.State), StatusOf(step.State),
            now, step.State.HasEnded ? now : null);
        var effects = StepEffects.Of(instance, before, step, request.Stimulus, request.IdempotencyKey, revision, request.Actor, now);
        return new Written(TransitionStatus.Applied, instance.Id, revision, Change: change, Effects: effects,
            Committed: new CommittedTransition(instance.Id, instance.ProcessKey, instance.BusinessKey, revision, before, step.State, instance.CreatedAt,
                now, change.EndedAt));
    }

    // What a committed step wrote to the outbox, and the instance it changed, is the request's to follow up.
    private TransitionOutcome Followed(TransitionOutcome outcome)
    {
        pending.Add(outcome);
        return outcome;
    }

    private async Task<Written> HoldAsync(StimulusRequest request, InstanceRecord instance, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!await db.HeldStimuli.AnyAsync(h => h.Key == request.IdempotencyKey, cancellationToken))
            db.HeldStimuli.Add(new HeldStimulusRecord
            {
                InstanceId = instance.Id, Key = request.IdempotencyKey, Stimulus = StimulusJson.Serialize(request.Stimulus),
                Actor = request.Actor, ReceivedAt = now,
            });
        return new Written(TransitionStatus.Held, instance.Id, instance.Revision);
    }

    // Conflicts and unique-key races are expected between nodes: start again from fresh state. Anything
    // else is a real failure and propagates.
    private async Task<TransitionOutcome> WithRetryAsync(Func<Task<TransitionOutcome>> attempt, CancellationToken cancellationToken)
    {
        for (var n = 1; ; n++)
        {
            try
            {
                return await attempt();
            }
            catch (Exception e) when (n < MaxAttempts && Transience.IsRetryable(e))
            {
                logger.LogDebug("Retrying a transition after {Error} (attempt {Attempt})", e.GetType().Name, n);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 10 * n)), cancellationToken);
            }
        }
    }

    internal static string StatusOf(InstanceState state) => InstanceStatusNames.Of(state.Status);

    /// <summary>The region an instance concerns: its <c>regionCode</c> or <c>areaCode</c> variable, else a numeric business key.</summary>
    internal static string? RegionCodeOf(string? businessKey, IReadOnlyDictionary<string, object?>? variables)
    {
        foreach (var name in (string[])["regionCode", "areaCode"])
            if (variables?.TryGetValue(name, out var value) == true && value is string code && code.Length > 0)
                return code;
        return businessKey is { Length: > 0 } && businessKey.All(char.IsAsciiDigit) ? businessKey : null;
    }
}
