using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wuyi.Engine.Model;
using Wuyi.Engine.Stimuli;
using Wuyi.Runtime.Instances;
using Wuyi.Runtime.Store;

namespace Wuyi.Runtime.Messages;

/// <summary>
/// Broadcasts a BPMN signal: every instance waiting for it, and every signal start event of the newest
/// versions, in batches of distinct instances with one transaction each. Keyed by broadcast id and instance, so a
/// repeat changes nothing.
/// </summary>
public sealed class SignalBroadcast(RuntimeDbContext db, InstanceTransitions transitions, MessageCorrelation messages,
    IOptions<RuntimeOptions> options, FanOutLog fanOuts)
{
    /// <summary>Broadcasts <paramref name="signal"/>; <paramref name="thrower"/>, an instance that threw it, caught it in its own step.</summary>
    public Task<CorrelationResult> BroadcastAsync(string signal, IReadOnlyDictionary<string, object?> variables, string broadcastId,
        string actor, CancellationToken cancellationToken, string? thrower = null) =>
        // Recorded before the first delivery, so a crash half-way is resumed by any node.
        fanOuts.RunAsync(new SignalFanOut(signal, broadcastId, System.Text.Json.JsonSerializer.SerializeToElement(variables, JsonVariables.Options), actor)
            { Thrower = thrower }, () => DeliverAsync(signal, variables, broadcastId, actor, thrower, cancellationToken), cancellationToken);

    private async Task<CorrelationResult> DeliverAsync(string signal, IReadOnlyDictionary<string, object?> variables, string broadcastId,
        string actor, string? thrower, CancellationToken cancellationToken)
    {
        var reached = new List<string>();
        string? after = null;
        while (true)
        {
            var query = db.Waits.AsNoTracking().Where(w => w.Kind == "Signal" && w.Name == signal && w.InstanceId != thrower);
            if (after is not null)
                query = query.Where(w => string.Compare(w.InstanceId, after) > 0);
            var batch = await query.Select(w => w.InstanceId).Distinct().OrderBy(i => i).Take(options.Value.BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
                break;
            after = batch[^1];
            // Distinct instances in one transaction, as a message fan-out does (one commit per batch, not per instance).
            var requests = batch.Select(instanceId => new StimulusRequest(instanceId, new SignalReceived(signal, variables),
                $"sig:{broadcastId}:{instanceId}", actor)).ToList();
            foreach (var outcome in await transitions.ApplyBatchAsync(requests, cancellationToken))
                if (outcome.Succeeded)
                    reached.Add(outcome.InstanceId);
        }
        var started = new List<string>();
        foreach (var (definition, startEvent) in await messages.StartEventsAsync(StartTriggerKind.Signal, signal, cancellationToken))
        {
            var id = DerivedIds.Of("s", broadcastId, definition.Key);
            var outcome = await transitions.StartAsync(new StartInstanceRequest(definition.Key, null, variables, actor, id, definition.Id, startEvent), cancellationToken);
            if (outcome.Succeeded)
                started.Add(id);
        }
        return new CorrelationResult(reached, started, Buffered: false);
    }
}
