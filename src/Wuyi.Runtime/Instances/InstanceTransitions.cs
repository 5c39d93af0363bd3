using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wuyi.Runtime.Definitions;
using Wuyi.Runtime.Limits;
using Wuyi.Runtime.Store;
using Wuyi.Runtime.Telemetry;

namespace Wuyi.Runtime.Instances;

/// <summary>
/// The one place where instances change, and the one operation every entry point calls: <em>apply a stimulus (or
/// start) and run what it caused</em>. Each start or stimulus is one database transaction (a batch of them for
/// distinct instances shares one): the engine's step, the instance row (guarded by its revision), the waits index,
/// tasks, history, outbox, the idempotency key and what the <see cref="ITransitionObserver"/>s write commit together
/// or not at all. After the commit the same call carries out the outbox rows and buffered messages it caused (and what
/// those cause), so no caller has follow-up work to remember. A revision conflict (another node got there first) is
/// retried here with fresh state; a repeat of an applied key changes nothing.
/// </summary>
public sealed partial class InstanceTransitions(RuntimeDbContext db, DefinitionCatalog catalog, TimeProvider clock,
    IEnumerable<ITransitionObserver> observers, IOptions<InputLimits> limits, IServiceProvider services, ILogger<InstanceTransitions> logger)
{
    private const int MaxAttempts = 8;
    private readonly FollowUps followUps = new();
    private bool inOperation;

    /// <summary>Starts an instance. Starting an <see cref="StartInstanceRequest.InstanceId"/> that exists changes nothing.</summary>
    /// <exception cref="KeyNotFoundException">No version of the process is deployed.</exception>
    /// <exception cref="InputLimitException">A variable or the new state breaks a limit; nothing was written.</exception>
    public async Task<TransitionOutcome> StartAsync(StartInstanceRequest request, CancellationToken cancellationToken)
    {
        StateLimits.CheckVariables(request.Variables, limits.Value);
        request = WithId(request);
        return Thrown(await OperationAsync(() => StartOneAsync(request, cancellationToken), cancellationToken));
    }

    /// <summary>
    /// Starts instances in ONE transaction (imports, seeding): one commit, and on PostgreSQL one round trip per table,
    /// for the whole batch. If anything conflicts, the batch rolls back and its starts are made one by one.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No version of a process is deployed.</exception>
    public Task<IReadOnlyList<TransitionOutcome>> StartBatchAsync(IReadOnlyList<StartInstanceRequest> requests, CancellationToken cancellationToken)
    {
        foreach (var request in requests)
            StateLimits.CheckVariables(request.Variables, limits.Value);
        requests = [.. requests.Select(WithId)];
        return OperationAsync(() => BatchedAsync(requests, requests.Select(r => r.InstanceId!), ct => StartAllAsync(requests, ct), StartOneAsync,
            cancellationToken), cancellationToken);
    }

    /// <summary>Applies a stimulus with nothing alongside.</summary>
    /// <exception cref="InputLimitException">A variable or the new state breaks a limit; nothing was written.</exception>
    public Task<TransitionOutcome> ApplyAsync(StimulusRequest request, CancellationToken cancellationToken) =>
        ApplyAsync(request, null, cancellationToken);

    /// <summary>Applies a stimulus to an instance, exactly once per idempotency key, and runs what it caused.</summary>
    /// <param name="request">The stimulus.</param>
    /// <param name="alongside">More writes that must commit with the step, or not at all (e.g. consuming a buffered
    /// message); called only when the step applies. What it throws rolls the step back and reaches the caller.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <exception cref="InputLimitException">A variable or the new state breaks a limit; nothing was written.</exception>
    public async Task<TransitionOutcome> ApplyAsync(StimulusRequest request, Alongside? alongside, CancellationToken cancellationToken)
    {
        StateLimits.CheckVariables(StateLimits.VariablesOf(request.Stimulus), limits.Value);
        return Thrown(await OperationAsync(() => ApplyOneAsync(request, alongside, cancellationToken), cancellationToken));
    }

    /// <summary>
    /// Applies stimuli for distinct instances in ONE transaction — one commit, one WAL flush, and on PostgreSQL one
    /// round trip per table, for a whole batch of a fan-out or of due timers. Each stimulus is still revision-checked
    /// and idempotent; if anything conflicts, the batch rolls back and its stimuli are applied one by one, each with
    /// its own retries. An instance that cannot be stepped (unreadable state, a failing step, a limit) gets its own
    /// outcome (and an incident); the others apply.
    /// </summary>
    /// <exception cref="InputLimitException">A stimulus's variables break a limit; nothing was written.</exception>
    public Task<IReadOnlyList<TransitionOutcome>> ApplyBatchAsync(IReadOnlyList<StimulusRequest> requests, CancellationToken cancellationToken)
    {
        foreach (var variables in requests.Select(r => StateLimits.VariablesOf(r.Stimulus)).Distinct())
            StateLimits.CheckVariables(variables, limits.Value);
        return OperationAsync(() => BatchedAsync(requests, requests.Select(r => r.InstanceId), ct => StepAllAsync(requests, ct),
            (r, ct) => ApplyOneAsync(r, null, ct), cancellationToken), cancellationToken);
    }

    /// <summary>Carries out an outbox row now (an operator retried it) and what it causes.</summary>
    public Task CarryOutAsync(string instanceId, long outboxId, CancellationToken cancellationToken) =>
        OperationAsync(() =>
        {
            followUps.Add(new TransitionOutcome(TransitionStatus.Applied, instanceId, OutboxIds: [outboxId]));
            return Task.FromResult(0);
        }, cancellationToken);

    // The operation: what the body commits, then what that caused. A call made while carrying out (an outbox row
    // applying a stimulus) joins the outer operation's follow-ups instead of starting its own.
    private async Task<T> OperationAsync<T>(Func<Task<T>> body, CancellationToken cancellationToken)
    {
        if (inOperation)
            return await body();
        inOperation = true;
        try
        {
            // With a manual clock, its time is the database's: another node may have advanced it.
            if (services.GetService<Timers.SharedClock>() is { } shared && services.GetRequiredService<IOptions<RuntimeOptions>>().Value.SyncManualClockPerOperation)
                await shared.SyncAsync(cancellationToken);
            var result = await body();
            await services.GetRequiredService<IFollowUpRunner>().RunAsync(followUps, cancellationToken);
            return result;
        }
        finally
        {
            inOperation = false;
            followUps.Clear();
        }
    }

    private static TransitionOutcome Thrown(TransitionOutcome outcome) => outcome.Exceeded is { } limit ? throw limit : outcome;

    private Task<TransitionOutcome> StartOneAsync(StartInstanceRequest request, CancellationToken cancellationToken) =>
        WithRetryAsync(async () => (await InTransactionAsync(ct => StartAllAsync([request], ct), null, cancellationToken))[0], cancellationToken);

    private Task<TransitionOutcome> ApplyOneAsync(StimulusRequest request, Alongside? alongside, CancellationToken cancellationToken) =>
        WithRetryAsync(async () => (await InTransactionAsync(ct => StepAllAsync([request], ct), alongside, cancellationToken))[0], cancellationToken);

    private StartInstanceRequest WithId(StartInstanceRequest request) =>
        request.InstanceId is null ? request with { InstanceId = Guid.CreateVersion7(clock.GetUtcNow()).ToString("N") } : request;

    private async Task<IReadOnlyList<TransitionOutcome>> BatchedAsync<T>(IReadOnlyList<T> requests, IEnumerable<string> instanceIds,
        Func<CancellationToken, Task<List<Written>>> compute, Func<T, CancellationToken, Task<TransitionOutcome>> one, CancellationToken cancellationToken)
    {
        if (requests.Count > 1 && instanceIds.Distinct().Count() == requests.Count)
        {
            try
            {
                return await InTransactionAsync(compute, null, cancellationToken);
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
            if (changed.Count > 0 && PostgresBulkWrite.Applies(db))
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
            var bulk = changed.Count > 0 && PostgresBulkWrite.Applies(db);
            foreach (var w in changed)
                await w.Effects!.WriteOccasionalAsync(db, bulk, cancellationToken);
            await RaiseIncidentsAsync([.. written.Where(w => w.Incident is not null)], cancellationToken);
            if (alongside is not null && changed.Count > 0)
                await alongside(db, clock.GetUtcNow(), cancellationToken);
            if (changed.Count > 0)
                foreach (var observer in observers)
                    await observer.OnCommittingAsync(db, [.. changed.Select(w => w.Committed!)], cancellationToken);
            // Outbox rows written through the context (by observers, e.g. mail requests) are carried out after the commit
            // like the step's own: no caller has to remember them.
            var tracked = db.ChangeTracker.Entries<OutboxRecord>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
            var committed = written.Any(w => w.Changed);
            if (committed)
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                RuntimeMetrics.Committed(changed.Count);
            }
            var outcomes = written.Select(w => w.Outcome()).ToList();
            foreach (var outcome in outcomes)
                followUps.Add(outcome);
            if (committed)
                followUps.AddOutbox(tracked.Select(o => o.Id).Except(outcomes.SelectMany(o => o.OutboxIds ?? [])));
            return outcomes;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    // One open incident per instance that cannot be stepped, however many batches meet it.
    private async Task RaiseIncidentsAsync(List<Written> failed, CancellationToken cancellationToken)
    {
        if (failed.Count == 0)
            return;
        var ids = failed.Select(w => w.InstanceId).ToList();
        var open = await db.Incidents.AsNoTracking().Where(i => ids.Contains(i.InstanceId) && i.Source == "runtime" && i.ResolvedAt == null)
            .Select(i => i.InstanceId).ToListAsync(cancellationToken);
        db.Incidents.AddRange(failed.Where(w => !open.Contains(w.InstanceId)).DistinctBy(w => w.InstanceId).Select(w => w.Incident!));
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
}
