using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Wuyi.Engine.Execution;
using Wuyi.Engine.State;
using Wuyi.Engine.Stimuli;
using Wuyi.Runtime.Limits;
using Wuyi.Runtime.Store;

namespace Wuyi.Runtime.Instances;

// The steps, computed in memory against what was read for them; nothing here writes except a hold (tracked, saved with
// the rest).
public sealed partial class InstanceTransitions
{
    private sealed record AppliedKey(string InstanceId, int Revision, string? Fingerprint);

    /// <summary>What one start or stimulus does, not yet written: the new or changed instance row and the step's other rows.</summary>
    private sealed record Written(TransitionStatus Status, string InstanceId, int Revision, string? Refusal = null,
        InstanceRecord? Inserted = null, InstanceChange? Change = null, StepEffects? Effects = null, CommittedTransition? Committed = null,
        IncidentRecord? Incident = null, InputLimitException? Exceeded = null)
    {
        public bool Changed => Status is TransitionStatus.Applied or TransitionStatus.Held || Incident is not null;

        public TransitionOutcome Outcome() => new(Status, InstanceId, Revision, Refusal, Effects is null ? null : [.. Effects.Outbox.Select(o => o.Id)])
        {
            AwaitsMessage = Effects?.NewWaits.Any(w => w.Kind == "Message") == true,
            At = Effects?.Now,
            Exceeded = Exceeded,
        };
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
                new StartRequest(id, request.BusinessKey, request.Variables, request.StartEventId, request.Parent) { Initiator = request.Initiator }, now);
            if (!step.Applied)
            {
                written.Add(new Written(TransitionStatus.Refused, id, 0, step.Refusal));
                continue;
            }
            var state = InstanceStateJson.Serialize(step.State);
            if (Exceeds(state, id) is { } exceeded)
            {
                written.Add(new Written(TransitionStatus.Refused, id, 0, exceeded.Message, Exceeded: exceeded));
                continue;
            }
            var record = new InstanceRecord
            {
                Id = id, DefinitionId = definition.Id, ProcessKey = definition.Key, BusinessKey = request.BusinessKey,
                RegionCode = RegionCodeOf(request.BusinessKey, request.Variables), ParentId = request.Parent?.InstanceId,
                Status = StatusOf(step.State), State = state, Revision = 1,
                CreatedAt = now, UpdatedAt = now, EndedAt = step.State.HasEnded ? now : null,
            };
            written.Add(new Written(TransitionStatus.Applied, id, 1, Inserted: record,
                Effects: StepEffects.Of(record, null, step, null, null, null, 1, request.Actor, now),
                Committed: new CommittedTransition(id, record.ProcessKey, record.BusinessKey, 1, null, step.State, now, now, record.EndedAt)));
        }
        return written;
    }

    // Stimuli, computed in memory against one read of their applied keys and one of their instances.
    private async Task<List<Written>> StepAllAsync(IReadOnlyList<StimulusRequest> requests, CancellationToken cancellationToken)
    {
        if (requests is [var single] && await InstanceAndKeyAsync(single, cancellationToken) is var (found, key))
            return [await StepAsync(single, key, found, cancellationToken)];
        var keys = requests.Select(r => r.IdempotencyKey).ToList();
        var applied = await db.AppliedStimuli.AsNoTracking().Where(s => keys.Contains(s.Key))
            .ToDictionaryAsync(s => s.Key, s => new AppliedKey(s.InstanceId, s.Revision, s.Fingerprint), cancellationToken);
        var ids = requests.Where(r => !applied.ContainsKey(r.IdempotencyKey)).Select(r => r.InstanceId).ToList();
        var instances = ids.Count == 0 ? []
            : await db.Instances.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        var written = new List<Written>(requests.Count);
        foreach (var request in requests)
            written.Add(await StepAsync(request, applied.GetValueOrDefault(request.IdempotencyKey), instances.GetValueOrDefault(request.InstanceId),
                cancellationToken));
        return written;
    }

    // One stimulus (a person's action): its instance and its key's row in one round trip instead of two. The key is
    // looked up whatever instance it names, as in the batch; no row (no such instance) leaves it to the two reads.
    private async Task<(InstanceRecord Instance, AppliedKey? Applied)?> InstanceAndKeyAsync(StimulusRequest request, CancellationToken cancellationToken)
    {
        var row = await (from i in db.Instances.AsNoTracking().Where(i => i.Id == request.InstanceId)
                         from a in db.AppliedStimuli.AsNoTracking().Where(a => a.Key == request.IdempotencyKey).DefaultIfEmpty()
                         select new { Instance = i, a.InstanceId, Revision = (int?)a.Revision, a.Fingerprint }).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null
            : (row.Instance, row.Revision is { } revision ? new AppliedKey(row.InstanceId!, revision, row.Fingerprint) : null);
    }

    // One stimulus against what was read for it: the engine's step, computed in memory.
    private async Task<Written> StepAsync(StimulusRequest request, AppliedKey? applied, InstanceRecord? instance, CancellationToken cancellationToken)
    {
        var fingerprint = StimulusFingerprint.Of(request.Stimulus);
        if (applied is not null)
            return applied.Fingerprint is { } first && StimulusFingerprint.Difference(first, fingerprint) is { } difference
                ? new Written(TransitionStatus.KeyReused, applied.InstanceId, applied.Revision, $"the key {request.IdempotencyKey} was applied before: {difference}")
                : new Written(TransitionStatus.Duplicate, applied.InstanceId, applied.Revision);
        if (instance is null)
            return new Written(TransitionStatus.NotFound, request.InstanceId, 0);
        var now = clock.GetUtcNow();
        if (instance.Suspended && request.Stimulus is not Cancel)
            return await HoldAsync(request, instance, now, cancellationToken);

        InstanceState before;
        StepResult step;
        try
        {
            before = InstanceStateJson.Deserialize(instance.State);
            var definitions = await catalog.GetAsync(db, instance.DefinitionId, cancellationToken);
            step = ProcessEngine.Step(definitions, before, request.Stimulus, now);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One instance that cannot be read or stepped must not stop the batch it is in: it gets an incident, the
            // others apply.
            logger.LogWarning(e, "Instance {Instance} cannot be stepped; an incident names it", instance.Id);
            return new Written(TransitionStatus.Failed, instance.Id, instance.Revision, $"the instance cannot be stepped: {e.Message}",
                Incident: new IncidentRecord
                {
                    InstanceId = instance.Id, ElementId = instance.ProcessKey, Source = "runtime", CreatedAt = now,
                    Message = $"the stored state cannot be read or stepped ({e.GetType().Name}): {e.Message}",
                });
        }
        if (!step.Applied)
            return new Written(TransitionStatus.Refused, instance.Id, instance.Revision, step.Refusal);

        var state = InstanceStateJson.Serialize(step.State);
        if (Exceeds(state, instance.Id) is { } exceeded)
            return new Written(TransitionStatus.Refused, instance.Id, instance.Revision, exceeded.Message, Exceeded: exceeded);
        var revision = instance.Revision + 1;
        var change = new InstanceChange(instance.Id, instance.Revision, revision, state, StatusOf(step.State),
            now, step.State.HasEnded ? now : null);
        var effects = StepEffects.Of(instance, before, step, request.Stimulus, request.IdempotencyKey, fingerprint, revision, request.Actor, now,
            request.TaskRevision);
        return new Written(TransitionStatus.Applied, instance.Id, revision, Change: change, Effects: effects,
            Committed: new CommittedTransition(instance.Id, instance.ProcessKey, instance.BusinessKey, revision, before, step.State, instance.CreatedAt,
                now, change.EndedAt));
    }

    private InputLimitException? Exceeds(string state, string instanceId)
    {
        try
        {
            StateLimits.CheckState(state, instanceId, limits.Value);
            return null;
        }
        catch (InputLimitException e)
        {
            return e;
        }
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

    internal static string StatusOf(InstanceState state) => InstanceStatusNames.Of(state.Status);

    /// <summary>The region an instance concerns: its <c>regionCode</c> or <c>areaCode</c> variable, else a numeric business key;
    /// none when the value is longer than a region code can be (the column holds <see cref="MaxRegionCodeLength"/>).</summary>
    internal static string? RegionCodeOf(string? businessKey, IReadOnlyDictionary<string, object?>? variables)
    {
        foreach (var name in (string[])["regionCode", "areaCode"])
            if (variables?.TryGetValue(name, out var value) == true && value is string { Length: > 0 and <= MaxRegionCodeLength } code)
                return code;
        return businessKey is { Length: > 0 and <= MaxRegionCodeLength } && businessKey.All(char.IsAsciiDigit) ? businessKey : null;
    }

    /// <summary>The longest region code stored (<c>instances.region_code</c>).</summary>
    internal const int MaxRegionCodeLength = 32;
}
