using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Wuyi.Engine.Execution;
using Wuyi.Engine.State;
using Wuyi.Engine.Stimuli;
using Wuyi.Runtime.Definitions;
using Wuyi.Runtime.Messages;
using Wuyi.Runtime.Store;

namespace Wuyi.Runtime.Instances;

/// <summary>
/// The one place where instances change. Each start or stimulus is one database transaction: the engine's
/// step, the instance row (guarded by its revision), the waits index, tasks, history, outbox and the
/// idempotency key commit together or not at all. A revision conflict (another node got there first)
/// is retried here with fresh state; a repeat of an applied key changes nothing.
/// </summary>
public sealed class InstanceTransitions(RuntimeDbContext db, DefinitionCatalog catalog, TimeProvider clock,
    PendingWork pending, ILogger<InstanceTransitions> logger)
{
    private const int MaxAttempts = 8;

    /// <summary>Starts an instance. Starting an <see cref="StartInstanceRequest.InstanceId"/> that exists changes nothing.</summary>
    /// <exception cref="KeyNotFoundException">No version of the process is deployed.</exception>
    public async Task<TransitionOutcome> StartAsync(StartInstanceRequest request, CancellationToken cancellationToken)
    {
        var id = request.InstanceId ?? Guid.CreateVersion7(clock.GetUtcNow()).ToString("N");
        return Followed(await WithRetryAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var existing = await db.Instances.AsNoTracking().Where(i => i.Id == id).Select(i => (int?)i.Revision).FirstOrDefaultAsync(cancellationToken);
            if (existing is { } revision)
                return new TransitionOutcome(TransitionStatus.Duplicate, id, revision);

            var definition = request.DefinitionId is { } definitionId
                ? await db.Definitions.AsNoTracking().SingleAsync(d => d.Id == definitionId, cancellationToken)
                : await catalog.LatestAsync(db, request.ProcessKey, cancellationToken)
                  ?? throw new KeyNotFoundException($"no version of process '{request.ProcessKey}' is deployed");
            var definitions = await catalog.GetAsync(db, definition.Id, cancellationToken);
            var now = clock.GetUtcNow();
            var step = ProcessEngine.Start(definitions, definition.Key,
                new StartRequest(id, request.BusinessKey, request.Variables, request.StartEventId, request.Parent), now);
            if (!step.Applied)
                return new TransitionOutcome(TransitionStatus.Refused, id, Refusal: step.Refusal);

            var record = new InstanceRecord
            {
                Id = id, DefinitionId = definition.Id, ProcessKey = definition.Key, BusinessKey = request.BusinessKey,
                RegionCode = RegionCodeOf(request.BusinessKey, request.Variables), ParentId = request.Parent?.InstanceId,
                Status = StatusOf(step.State), State = InstanceStateJson.Serialize(step.State), Revision = 1,
                CreatedAt = now, UpdatedAt = now, EndedAt = step.State.HasEnded ? now : null,
            };
            db.Instances.Add(record);
            var outbox = await StepEffects.WriteAsync(db, record, null, step, null, request.Actor, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return new TransitionOutcome(TransitionStatus.Applied, id, 1, OutboxIds: [.. outbox.Select(o => o.Id)]);
        }, cancellationToken));
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
        Followed(await WithRetryAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var written = await ApplyWithinAsync(request, alongside, cancellationToken);
            if (written.Changed)
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            db.ChangeTracker.Clear();
            return written.Outcome();
        }, cancellationToken));

    /// <summary>
    /// Applies stimuli for distinct instances in ONE transaction — one commit, one WAL flush, for a whole batch of a
    /// fan-out or of due timers. Each stimulus is still revision-checked and idempotent; if anything conflicts, the
    /// batch rolls back and its stimuli are applied one by one, each with its own retries.
    /// </summary>
    public async Task<IReadOnlyList<TransitionOutcome>> ApplyBatchAsync(IReadOnlyList<StimulusRequest> requests, CancellationToken cancellationToken)
    {
        if (requests.Count > 1 && requests.Select(r => r.InstanceId).Distinct().Count() == requests.Count)
        {
            db.Database.AutoSavepointsEnabled = false;
            try
            {
                var written = new List<Written>(requests.Count);
                await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
                {
                    foreach (var request in requests)
                        written.Add(await ApplyWithinAsync(request, null, cancellationToken));
                    await db.SaveChangesAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                }
                db.ChangeTracker.Clear();
                return [.. written.Select(w => Followed(w.Outcome()))];
            }
            catch (Exception e) when (Transience.IsRetryable(e))
            {
                db.ChangeTracker.Clear();
                logger.LogDebug("A batch of {Count} transitions conflicted ({Error}); applying them one by one", requests.Count, e.GetType().Name);
            }
        }
        var outcomes = new List<TransitionOutcome>(requests.Count);
        foreach (var request in requests)
            outcomes.Add(await ApplyAsync(request, cancellationToken));
        return outcomes;
    }

    /// <summary>What one stimulus wrote inside the current transaction; outbox ids exist once it is saved.</summary>
    private sealed record Written(TransitionStatus Status, string InstanceId, int Revision, string? Refusal, List<OutboxRecord>? Outbox)
    {
        public bool Changed => Status is TransitionStatus.Applied or TransitionStatus.Held;

        public TransitionOutcome Outcome() => new(Status, InstanceId, Revision, Refusal, Outbox is null ? null : [.. Outbox.Select(o => o.Id)]);
    }

    // One stimulus inside the caller's transaction: nothing here saves the tracked rows or commits.
    private async Task<Written> ApplyWithinAsync(StimulusRequest request, Alongside? alongside, CancellationToken cancellationToken)
    {
        var applied = await db.AppliedStimuli.AsNoTracking().Where(s => s.Key == request.IdempotencyKey)
            .Select(s => new { s.InstanceId, s.Revision }).FirstOrDefaultAsync(cancellationToken);
        if (applied is not null)
            return new Written(TransitionStatus.Duplicate, applied.InstanceId, applied.Revision, null, null);
        var instance = await db.Instances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == request.InstanceId, cancellationToken);
        if (instance is null)
            return new Written(TransitionStatus.NotFound, request.InstanceId, 0, null, null);
        var now = clock.GetUtcNow();
        if (instance.Suspended && request.Stimulus is not Cancel)
            return await HoldAsync(request, instance, now, cancellationToken);

        var before = InstanceStateJson.Deserialize(instance.State);
        var definitions = await catalog.GetAsync(db, instance.DefinitionId, cancellationToken);
        var step = ProcessEngine.Step(definitions, before, request.Stimulus, now);
        if (!step.Applied)
            return new Written(TransitionStatus.Refused, instance.Id, instance.Revision, step.Refusal, null);

        var revision = instance.Revision + 1;
        var state = InstanceStateJson.Serialize(step.State);
        var status = StatusOf(step.State);
        DateTimeOffset? endedAt = step.State.HasEnded ? now : null;
        var updated = await db.Instances.Where(i => i.Id == instance.Id && i.Revision == instance.Revision)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.State, state).SetProperty(i => i.Status, status)
                .SetProperty(i => i.Revision, revision).SetProperty(i => i.UpdatedAt, now).SetProperty(i => i.EndedAt, endedAt), cancellationToken);
        if (updated == 0)
            throw new RevisionConflictException(instance.Id);
        var outbox = await StepEffects.WriteAsync(db, instance, before, step, request.Stimulus, request.Actor, now, cancellationToken);
        db.AppliedStimuli.Add(new AppliedStimulusRecord { Key = request.IdempotencyKey, InstanceId = instance.Id, Actor = request.Actor, AppliedAt = now, Revision = revision });
        if (alongside is not null)
            await alongside(db, now, cancellationToken);
        return new Written(TransitionStatus.Applied, instance.Id, revision, null, outbox);
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
        return new Written(TransitionStatus.Held, instance.Id, instance.Revision, null, null);
    }

    // Conflicts and unique-key races are expected between nodes: start again from fresh state. Anything
    // else is a real failure and propagates.
    private async Task<TransitionOutcome> WithRetryAsync(Func<Task<TransitionOutcome>> attempt, CancellationToken cancellationToken)
    {
        // The transaction is ours and all-or-nothing: EF's automatic savepoint before SaveChanges costs two
        // round trips per transition and buys nothing here.
        db.Database.AutoSavepointsEnabled = false;
        for (var n = 1; ; n++)
        {
            try
            {
                return await attempt();
            }
            catch (Exception e) when (n < MaxAttempts && Transience.IsRetryable(e))
            {
                db.ChangeTracker.Clear();
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
