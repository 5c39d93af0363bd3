using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wuyi.Engine.Commands;
using Wuyi.Engine.State;
using Wuyi.Engine.Stimuli;
using Wuyi.Runtime.Instances;
using Wuyi.Runtime.Messages;
using Wuyi.Runtime.Store;
using Wuyi.Runtime.Telemetry;

namespace Wuyi.Runtime.Outbox;

/// <summary>
/// Carries out outbox rows: claims one (a lapsed claim of a crashed node may be taken over), does its work,
/// marks it done. Every effect is an idempotent transition, so doing a row twice after a crash is harmless.
/// A service handler that throws is retried with exponential back-off; out of attempts, the row is dead and
/// an incident names it.
/// </summary>
public sealed class OutboxWork(RuntimeDbContext db, InstanceTransitions transitions, MessageCorrelation messages,
    SignalBroadcast signals, IEnumerable<IServiceTaskHandler> handlers, IEnumerable<IOutboxHandler> kinds, TimeProvider clock,
    IOptions<RuntimeOptions> options, RuntimeNode node, ILogger<OutboxWork> logger)
{
    private const string ReportToParentKind = ParentReport.KindName;

    /// <summary>Claims and carries out row <paramref name="id"/> if it is due and unclaimed; false when it was not.</summary>
    public async Task<bool> RunAsync(long id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var until = now + options.Value.ClaimDuration;
        // A child's reports reach its parent in the order the child wrote them (an escalation end event writes the
        // escalation, then the completion): a report waits while an earlier one of the same child is pending.
        var claimed = await db.Outbox.Where(o => o.Id == id && o.Status == "pending" && o.NextAttemptAt <= now
                && (o.ClaimedUntil == null || o.ClaimedUntil < now)
                && (o.Kind != ReportToParentKind || !db.Outbox.Any(e => e.InstanceId == o.InstanceId && e.Kind == ReportToParentKind
                    && e.Status == "pending" && e.Id < o.Id)))
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.ClaimedBy, node.Id).SetProperty(o => o.ClaimedUntil, until), cancellationToken);
        if (claimed == 0)
            return false;
        var row = await db.Outbox.AsNoTracking().SingleAsync(o => o.Id == id, cancellationToken);
        try
        {
            // A module's own kind (mail) carries its own payload; the runtime's kinds are typed commands.
            if (kinds.FirstOrDefault(k => k.Kind == row.Kind) is { } module)
                await module.HandleAsync(row, cancellationToken);
            else
                await CarryOutAsync(row, OutboxCommands.Parse(row), cancellationToken);
            await db.Outbox.Where(o => o.Id == id).ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, "done")
                .SetProperty(o => o.Attempts, row.Attempts + 1).SetProperty(o => o.ClaimedUntil, (DateTimeOffset?)null), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await FailAsync(row, e, cancellationToken);
        }
        return true;
    }

    /// <summary>
    /// Waits (a bounded while, in real time) until row <paramref name="id"/> is no longer claimed and pending: the
    /// worker that claimed it finished it, failed it, or died and let the claim lapse.
    /// </summary>
    public async Task WaitUntilSettledAsync(long id, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        while (System.Diagnostics.Stopwatch.GetElapsedTime(started) < options.Value.ClaimDuration)
        {
            var now = clock.GetUtcNow();
            var busy = await db.Outbox.AsNoTracking()
                .AnyAsync(o => o.Id == id && o.Status == "pending" && o.ClaimedUntil != null && o.ClaimedUntil >= now, cancellationToken);
            if (!busy)
                return;
            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }
    }

    /// <summary>The ids of pending rows that are due and unclaimed, oldest first.</summary>
    public Task<List<long>> DueAsync(int max, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return db.Outbox.AsNoTracking().Where(o => o.Status == "pending" && o.NextAttemptAt <= now && (o.ClaimedUntil == null || o.ClaimedUntil < now))
            .OrderBy(o => o.Id).Select(o => o.Id).Take(max).ToListAsync(cancellationToken);
    }

    private async Task CarryOutAsync(OutboxRecord row, OutboxCommand command, CancellationToken cancellationToken)
    {
        static IReadOnlyDictionary<string, object?> V(JsonElement variables) => JsonVariables.FromObject(variables);
        switch (command)
        {
            case ServiceInvocation c:
                var handler = handlers.SingleOrDefault(h => h.Name == c.Handler) ?? throw new UnknownHandlerException(c.Handler);
                var result = await handler.HandleAsync(new ServiceCall(row.InstanceId, c.WaitId, c.ElementId, V(c.Variables), row.Attempts + 1),
                    cancellationToken);
                Stimulus answer = result.ErrorCode is { } code
                    ? new ServiceFailed(c.WaitId, code, result.ErrorMessage)
                    : new ServiceCompleted(c.WaitId, result.Variables);
                await transitions.ApplyAsync(new StimulusRequest(row.InstanceId, answer, $"svc:{c.WaitId}", $"system:service:{handler.Name}"), cancellationToken);
                break;
            case ChildStart c:
                await transitions.StartAsync(new StartInstanceRequest(c.CalledElement, c.BusinessKey, V(c.Variables),
                    "system:call-activity", c.ChildInstanceId, Parent: new ParentLink(row.InstanceId, c.WaitId)), cancellationToken);
                break;
            case ChildCancellation c:
                await transitions.ApplyAsync(new StimulusRequest(c.ChildInstanceId, new Cancel("the calling instance was cancelled"),
                    $"cancel:{c.ChildInstanceId}", "system:call-activity"), cancellationToken);
                break;
            case ParentReport c:
                var reported = Enum.Parse<ChildOutcome>(c.Outcome);
                Stimulus report = reported switch
                {
                    ChildOutcome.Completed => new ChildCompleted(c.ParentWaitId, V(c.Variables)),
                    ChildOutcome.Failed => new ChildFailed(c.ParentWaitId, c.ErrorCode ?? "CHILD_FAILED", c.Message),
                    ChildOutcome.Escalated => new ChildEscalated(c.ParentWaitId, c.ErrorCode),
                    _ => new ChildTerminated(c.ParentWaitId, c.Message),
                };
                // A child ends once but may escalate many times before: each escalation is its own stimulus.
                var key = reported == ChildOutcome.Escalated ? $"child:{c.ParentWaitId}:escalation:{row.Id}" : $"child:{c.ParentWaitId}";
                await transitions.ApplyAsync(new StimulusRequest(c.ParentInstanceId, report, key, $"system:child:{row.InstanceId}"), cancellationToken);
                break;
            case MessageThrow c:
                await messages.CorrelateAsync(new MessageRequest(c.Name, c.CorrelationKey, null, $"outbox:{row.Id}", V(c.Variables), null,
                    $"system:instance:{row.InstanceId}"), cancellationToken);
                break;
            case SignalThrow c:
                await signals.BroadcastAsync(c.Signal, V(c.Variables), $"outbox:{row.Id}", $"system:instance:{row.InstanceId}", cancellationToken,
                    thrower: row.InstanceId);
                break;
            default:
                throw new InvalidOperationException($"unknown outbox kind {row.Kind}");
        }
    }

    // The element named in a dead row's incident; a payload that cannot be read names the row's kind instead.
    private static string ElementOf(OutboxRecord row)
    {
        try
        {
            return OutboxCommands.Parse(row).Element ?? row.Kind;
        }
        catch (JsonException)
        {
            return row.Kind;
        }
    }

    private async Task FailAsync(OutboxRecord row, Exception error, CancellationToken cancellationToken)
    {
        var attempts = row.Attempts + 1;
        var now = clock.GetUtcNow();
        var module = kinds.FirstOrDefault(k => k.Kind == row.Kind);
        var dead = error is UnknownHandlerException
            || (module is null ? attempts >= options.Value.ServiceAttempts : module.MaxAttempts is { } most && attempts >= most);
        var delay = options.Value.ServiceRetryDelay * Math.Pow(2, Math.Min(attempts - 1, 20));
        if (module is not null && delay > module.MaxRetryDelay)
            delay = module.MaxRetryDelay;
        logger.LogWarning(error, "Outbox {Id} ({Kind}) of instance {Instance} failed, attempt {Attempt}{Dead}",
            row.Id, row.Kind, row.InstanceId, attempts, dead ? "; no retries left" : "");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Outbox.Where(o => o.Id == row.Id).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.Status, dead ? "dead" : "pending").SetProperty(o => o.Attempts, attempts)
            .SetProperty(o => o.NextAttemptAt, now + delay).SetProperty(o => o.LastError, error.Message)
            .SetProperty(o => o.ClaimedUntil, (DateTimeOffset?)null), cancellationToken);
        if (dead)
        {
            var element = ElementOf(row);
            db.Incidents.Add(new IncidentRecord
            {
                InstanceId = row.InstanceId, ElementId = element, Source = "outbox", OutboxId = row.Id, CreatedAt = now,
                Message = $"{row.Kind} failed {attempts} time(s): {error.Message}",
            });
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            RuntimeMetrics.Incidents.Add(1);
        }
        await transaction.CommitAsync(cancellationToken);
    }
}
