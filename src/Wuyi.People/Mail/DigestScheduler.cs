using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using Wuyi.Runtime.Persistence;

namespace Wuyi.People.Mail;

/// <summary>
/// Puts the daily digest's cron trigger into the runtime's clustered Quartz store once the schema is current. Every node does it, replacing the same job and trigger, so the schedule
/// follows the configuration; the clustered store still fires each day's trigger on one node only.
/// </summary>
public sealed class DigestScheduler(ISchedulerFactory factory, DatabaseMigrator migrator, IOptions<MailOptions> options,
    ILogger<DigestScheduler> logger) : BackgroundService
{
    // Real time: how often to look whether the schema is current.
    private static readonly TimeSpan Recheck = TimeSpan.FromSeconds(2);

    /// <summary>Schedules (or reschedules) the digest on <paramref name="scheduler"/>.</summary>
    public static async Task ScheduleAsync(IScheduler scheduler, MailOptions options, CancellationToken cancellationToken)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.DigestTimeZone);
        var job = JobBuilder.Create<DigestJob>().WithIdentity(DigestJob.Key).StoreDurably().Build();
        var trigger = TriggerBuilder.Create().WithIdentity(DigestJob.TriggerKey).ForJob(DigestJob.Key)
            // A digest missed while every node was down is not sent late: the next day's covers it.
            .WithCronSchedule(options.DigestCron, c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing))
            .Build();
        await scheduler.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true }, cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The store's tables come from the migrations, which another node or the start-up may still be applying.
        while ((await migrator.PendingAsync(stoppingToken)).Count > 0)
            await Task.Delay(Recheck, stoppingToken);
        await ScheduleAsync(await factory.GetScheduler(stoppingToken), options.Value, stoppingToken);
        logger.LogInformation("Daily digest scheduled: {Cron}", options.Value.DigestCron);
    }
}
