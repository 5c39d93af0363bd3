using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wuyi.Engine.Model;
using Wuyi.Engine.Stimuli;
using Wuyi.Runtime.Definitions;
using Wuyi.Runtime.Instances;
using Wuyi.Runtime.Limits;
using Wuyi.Runtime.Store;
using Wuyi.Runtime.Telemetry;

namespace Wuyi.Runtime.Messages;

/// <summary>
/// Delivers messages and signals. A message goes to every instance with a matching wait (one wait each), or
/// to every instance under a region prefix (fan-out, in batches), and starts instances at message start
/// events; one that reaches nothing is buffered until a wait appears or its time-to-live ends. Each
/// delivery is keyed by message id and instance, so a repeat changes nothing.
/// </summary>
public sealed class MessageCorrelation(RuntimeDbContext db, InstanceTransitions transitions, DefinitionCatalog catalog,
    TimeProvider clock, IOptions<RuntimeOptions> options, IOptions<InputLimits> limits, FanOutLog fanOuts, ILogger<MessageCorrelation> logger)
{
    /// <summary>Correlates a message.</summary>
    /// <exception cref="InputLimitException">A variable breaks a limit; nothing was delivered or buffered.</exception>
    public async Task<CorrelationResult> CorrelateAsync(MessageRequest message, CancellationToken cancellationToken)
    {
        // Checked before anything is delivered or buffered: a buffered message that breaks a limit would fail every
        // wait it later meets.
        StateLimits.CheckVariables(message.Variables, limits.Value);
        // A fan-out is recorded before the first delivery, so a crash half-way is resumed by any node.
        return message.RegionPrefix is { } prefix
            ? await fanOuts.RunAsync(new MessageFanOut(message.Name, prefix, message.MessageId,
                System.Text.Json.JsonSerializer.SerializeToElement(message.Variables, JsonVariables.Options), message.Actor),
                () => DeliverAsync(message, cancellationToken), cancellationToken)
            : await DeliverAsync(message, cancellationToken);
    }

    private async Task<CorrelationResult> DeliverAsync(MessageRequest message, CancellationToken cancellationToken)
    {
        var correlated = new HashSet<string>(StringComparer.Ordinal);
        (string? Key, string Id)? after = null;
        while (true)
        {
            // Keyset pagination in the index's order (correlation key, then wait id): each batch is one short range
            // scan, however many instances the region holds, and the set may shrink as we apply.
            var query = db.Waits.AsNoTracking().Where(w => w.Kind == "Message" && w.Name == message.Name);
            query = message.RegionPrefix is { } prefix
                ? query.Where(w => w.CorrelationKey != null && w.CorrelationKey.StartsWith(prefix))
                : query.Where(w => w.CorrelationKey == message.CorrelationKey);
            if (after is var (afterKey, afterId))
                query = query.Where(w => string.Compare(w.CorrelationKey, afterKey) > 0
                    || (w.CorrelationKey == afterKey && string.Compare(w.Id, afterId) > 0));
            var batch = await query.OrderBy(w => w.CorrelationKey).ThenBy(w => w.Id).Take(options.Value.BatchSize)
                .Select(w => new { w.Id, w.InstanceId, w.CorrelationKey }).ToListAsync(cancellationToken);
            if (batch.Count == 0)
                break;
            after = (batch[^1].CorrelationKey, batch[^1].Id);
            var requests = batch.DistinctBy(w => w.InstanceId).Where(w => !correlated.Contains(w.InstanceId))
                .Select(w => new StimulusRequest(w.InstanceId, new MessageReceived(w.Id, message.Variables),
                    $"msg:{message.MessageId}:{w.InstanceId}", message.Actor)).ToList();
            foreach (var outcome in await transitions.ApplyBatchAsync(requests, cancellationToken))
                if (outcome.Succeeded && correlated.Add(outcome.InstanceId))
                    RuntimeMetrics.FanOutReached.Add(1);
        }
        // A repeat (or a racing duplicate) finds the waits gone: the instances it reached are in the applied keys.
        var keyPrefix = $"msg:{message.MessageId}:";
        correlated.UnionWith(await db.AppliedStimuli.AsNoTracking().Where(s => s.Key.StartsWith(keyPrefix))
            .Select(s => s.InstanceId).ToListAsync(cancellationToken));
        var started = await StartAtMessageStartsAsync(message, cancellationToken);
        var buffered = correlated.Count == 0 && started.Count == 0 && message.RegionPrefix is null
            && await BufferAsync(message, cancellationToken);
        if (buffered)
        {
            // A wait may have committed between our search and our buffering, and its own look at the buffer
            // may have come before our row: look once more now that the row is there.
            foreach (var instanceId in await WaitingInstancesAsync(message, cancellationToken))
                if (await DeliverBufferedAsync(instanceId, cancellationToken) is { } delivered && delivered == message.MessageId)
                    correlated.Add(instanceId);
            buffered = correlated.Count == 0;
        }
        return new CorrelationResult([.. correlated.Order(StringComparer.Ordinal)], started, buffered);
    }

    /// <summary>
    /// Delivers buffered messages to waits that match them, whoever created them: the safety net for a
    /// message buffered while its wait was committing, or a node that died before its follow-up. Returns how
    /// many instances it looked at.
    /// </summary>
    public async Task<int> DeliverStrandedAsync(int max, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var instances = await (from w in db.Waits.AsNoTracking()
                               where w.Kind == "Message"
                               join m in db.BufferedMessages.AsNoTracking() on new { w.Name, w.CorrelationKey } equals new { Name = (string?)m.Name, m.CorrelationKey }
                               where m.ExpiresAt > now
                               select w.InstanceId).Distinct().OrderBy(i => i).Take(max).ToListAsync(cancellationToken);
        foreach (var instanceId in instances)
        {
            try
            {
                await DeliverBufferedAsync(instanceId, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One instance a buffered message cannot reach must not keep the others from theirs.
                logger.LogWarning(e, "A buffered message could not be delivered to instance {Instance}", instanceId);
            }
        }
        return instances.Count;
    }

    private Task<List<string>> WaitingInstancesAsync(MessageRequest message, CancellationToken cancellationToken) =>
        db.Waits.AsNoTracking().Where(w => w.Kind == "Message" && w.Name == message.Name && w.CorrelationKey == message.CorrelationKey)
            .Select(w => w.InstanceId).Distinct().ToListAsync(cancellationToken);

    /// <summary>Delivers buffered messages that match the instance's message waits (called after it changed);
    /// returns the id of the message delivered, if one was.</summary>
    public async Task<string?> DeliverBufferedAsync(string instanceId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var matches = await (from w in db.Waits.AsNoTracking()
                             where w.InstanceId == instanceId && w.Kind == "Message"
                             join m in db.BufferedMessages.AsNoTracking() on new { w.Name, w.CorrelationKey } equals new { Name = (string?)m.Name, m.CorrelationKey }
                             where m.ExpiresAt > now
                             orderby m.ReceivedAt
                             select new { WaitId = w.Id, m.MessageId, m.Variables }).ToListAsync(cancellationToken);
        foreach (var match in matches.DistinctBy(m => m.MessageId))
        {
            var messageId = match.MessageId;
            var outcome = await transitions.ApplyAsync(new StimulusRequest(instanceId,
                    new MessageReceived(match.WaitId, JsonVariables.FromObject(match.Variables)), $"msg:{messageId}:{instanceId}", "system:message-buffer"),
                (ctx, _, ct) => ctx.BufferedMessages.Where(m => m.MessageId == messageId).ExecuteDeleteAsync(ct), cancellationToken);
            if (outcome.Status == TransitionStatus.Applied)
                return messageId; // the instance changed: its waits may be others now; the next round finds them
        }
        return null;
    }

    /// <summary>True when any message is buffered (expired or not).</summary>
    public Task<bool> AnyBufferedAsync(CancellationToken cancellationToken) => db.BufferedMessages.AnyAsync(cancellationToken);

    /// <summary>Drops buffered messages whose time-to-live has ended; returns how many.</summary>
    public Task<int> ExpireBufferedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.BufferedMessages.Where(m => m.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<List<string>> StartAtMessageStartsAsync(MessageRequest message, CancellationToken cancellationToken)
    {
        var started = new List<string>();
        foreach (var (definition, startEvent) in await StartEventsAsync(StartTriggerKind.Message, message.Name, cancellationToken))
        {
            // The id derives from the message, so a repeated message finds the instance it started.
            var id = DerivedIds.Of("m", message.MessageId, definition.Key);
            var outcome = await transitions.StartAsync(new StartInstanceRequest(definition.Key, message.CorrelationKey,
                message.Variables, message.Actor, id, definition.Id, startEvent), cancellationToken);
            if (outcome.Succeeded)
                started.Add(id);
        }
        return started;
    }

    internal async Task<List<(DefinitionRecord Definition, string StartEventId)>> StartEventsAsync(StartTriggerKind kind, string name,
        CancellationToken cancellationToken)
    {
        var latest = await db.Definitions.AsNoTracking()
            .Where(d => !db.Definitions.Any(n => n.Key == d.Key && n.Version > d.Version)).ToListAsync(cancellationToken);
        var result = new List<(DefinitionRecord, string)>();
        foreach (var definition in latest)
        {
            var model = await catalog.GetAsync(db, definition.Id, cancellationToken);
            if (!model.Processes.TryGetValue(definition.Key, out var process))
                continue;
            foreach (var trigger in process.StartTriggers.Where(t => t.Kind == kind && t.Name == name))
                result.Add((definition, trigger.ElementId));
        }
        return result;
    }

    private async Task<bool> BufferAsync(MessageRequest message, CancellationToken cancellationToken)
    {
        var ttl = message.TimeToLive ?? options.Value.MessageTimeToLive;
        if (ttl <= TimeSpan.Zero)
            return false;
        if (await db.BufferedMessages.AnyAsync(m => m.MessageId == message.MessageId, cancellationToken))
            return true;
        var now = clock.GetUtcNow();
        db.BufferedMessages.Add(new BufferedMessageRecord
        {
            MessageId = message.MessageId, Name = message.Name, CorrelationKey = message.CorrelationKey,
            Variables = JsonVariables.ToJson(message.Variables), ReceivedAt = now, ExpiresAt = now + ttl,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (Transience.IsRetryable(e))
        {
            // The same message id raced in from another request: it is buffered either way.
        }
        db.ChangeTracker.Clear();
        return true;
    }
}
