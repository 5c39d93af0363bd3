using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wuyi.Runtime.Messages;
using Wuyi.Runtime.Outbox;
using Wuyi.Runtime.Scheduling;
using Wuyi.Runtime.Timers;

namespace Wuyi.Runtime;

/// <summary>
/// The background work of a node: fire due timers, carry out outbox rows left by crashed or busy requests,
/// drop expired buffered messages. Stateless between rounds — everything is read from the database — so
/// any number of nodes can run it side by side.
/// </summary>
internal sealed class RuntimeLoop(IServiceScopeFactory scopes, IOptions<RuntimeOptions> options, ILogger<RuntimeLoop> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Real time paces the polling; business time (TimeProvider) decides what is due.
        using var ticks = new PeriodicTimer(options.Value.PollInterval);
        do
        {
            try
            {
                await RoundAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "A background round failed; the next round tries again");
            }
        }
        while (await ticks.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One round — due timers, due outbox rows, buffered messages whose wait appeared without them meeting —
    /// busy rounds repeat at once until nothing is due.</summary>
    internal async Task RoundAsync(CancellationToken cancellationToken)
    {
        var batch = options.Value.BatchSize;
        while (!cancellationToken.IsCancellationRequested)
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            if (services.GetService<SharedClock>() is { } shared)
                await shared.SyncAsync(cancellationToken); // another node may have advanced the manual clock
            // With a manual clock, time moves only through ClockAdvance, which fires what falls due before it
            // answers; a loop firing the same timers would let an advance return before its timers had fired.
            var fired = services.GetService<ManualClock>() is null
                ? await services.GetRequiredService<DueTimers>().FireDueAsync(batch, cancellationToken)
                : 0;
            var outbox = services.GetRequiredService<OutboxWork>();
            var due = await outbox.DueAsync(batch, cancellationToken);
            foreach (var id in due)
            {
                try
                {
                    await outbox.RunAsync(id, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One row that cannot even be marked failed must not keep the rows after it from running.
                    logger.LogError(e, "Outbox row {Id} could not be carried out; the next round tries again", id);
                }
            }
            await services.GetRequiredService<MessageCorrelation>().DeliverStrandedAsync(batch, cancellationToken);
            await services.GetRequiredService<FanOutResumption>().ResumeAsync(batch, cancellationToken);
            if (services.GetService<MaintenanceSchedule>() is null) // no Quartz (manual clock): housekeeping each round
                await services.GetRequiredService<RuntimeMaintenance>().RunAsync(cancellationToken);
            if (fired < batch && due.Count < batch)
                return;
        }
    }
}
