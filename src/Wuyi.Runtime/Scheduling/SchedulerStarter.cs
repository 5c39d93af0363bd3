using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;
using Wuyi.Runtime.Persistence;

namespace Wuyi.Runtime.Scheduling;

/// <summary>
/// Starts the node's scheduler once the database schema is current, and stops it (letting a running job finish)
/// when the host stops. A node started against a database nobody has migrated yet keeps serving — its readiness
/// check says what is missing — instead of failing on Quartz's start-up schema check.
/// </summary>
internal sealed class SchedulerStarter(ISchedulerFactory factory, DatabaseMigrator migrator, ILogger<SchedulerStarter> logger) : BackgroundService
{
    // Real time: how often a node waiting for migrations looks again.
    private static readonly TimeSpan Recheck = TimeSpan.FromSeconds(5);
    private IScheduler? scheduler;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!await SchemaCurrentAsync(stoppingToken))
            await Task.Delay(Recheck, stoppingToken);
        scheduler = await factory.GetScheduler(stoppingToken);
        await scheduler.Start(stoppingToken);
        logger.LogInformation("Scheduler {Name} started as {Instance}", scheduler.SchedulerName, await scheduler.GetSchedulerInstanceId(stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (scheduler is not null)
            await scheduler.Shutdown(true, cancellationToken);
    }

    private async Task<bool> SchemaCurrentAsync(CancellationToken cancellationToken)
    {
        try
        {
            var pending = await migrator.PendingAsync(cancellationToken);
            if (pending.Count == 0)
                return true;
            logger.LogWarning("The scheduler waits for migrations of {Modules}", string.Join(", ", pending));
        }
        catch (DatabaseUnavailableException e)
        {
            logger.LogWarning("The scheduler waits for the database: {Reason}", e.Message);
        }
        return false;
    }
}
