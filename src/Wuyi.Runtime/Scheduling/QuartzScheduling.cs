using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Wuyi.Runtime.Persistence;

namespace Wuyi.Runtime.Scheduling;

/// <summary>
/// Registers the node's Quartz scheduler: ADO.NET job store on the service's own database (tables from our
/// migrations), clustered on PostgreSQL, System.Text.Json for stored data, the injected <see cref="TimeProvider"/>,
/// and the runtime's recurring schedules. One-off BPMN timers are not here: they are rows of the waits table fired by the background loop,
/// because the job store sustains far fewer one-off firings per second than an outbreak schedules (see
/// <see cref="QuartzThroughput"/>).
/// </summary>
/// <remarks>
/// <para>
/// What runs here: <see cref="MaintenanceJob"/> every <see cref="RuntimeSchedulingOptions.MaintenanceInterval"/>, on one
/// node per firing. What does not, and why:
/// </para>
/// <list type="bullet">
/// <item><description>One-off timers: the job store costs several commits per trigger. Measured on one PostgreSQL 15
/// (2026-11-29, where pgbench's update+insert ran 1,100 tx/s): 45–50 triggers stored per second, one call each, and
/// 76–116 firings per second once due (2,000 and 10,000 due at one instant; neither a batch of 50 nor a second node
/// helped). The waits table fires them in batches claimed by every node at once.</description></item>
/// <item><description>The timer and outbox sweep (<c>RuntimeLoop</c>, every 500 ms of real time): a Quartz trigger fires on
/// exactly one node, while the sweep must run on every node in parallel (claims decide who fires what) so that the
/// fire rate grows with the nodes; and Quartz cannot go below a one-second cadence with a round trip and the
/// cluster lock per firing. Real time pacing the polling is not business time: what is due is read from the
/// injected clock either way.</description></item>
/// <item><description>Manual clock (<c>--clock manual</c>): no scheduler at all. Business time stands still there, so a
/// scheduler on it would never fire, and one on real time would be a second notion of time; the background loop does
/// the housekeeping each round instead, and <c>ClockAdvance</c> fires timers synchronously.</description></item>
/// </list>
/// </remarks>
internal static class QuartzScheduling
{
    /// <summary>The scheduler's name: every node of a deployment shares it, which is what makes them one cluster.</summary>
    public const string SchedulerName = "wuyi";

    /// <summary>
    /// Adds the scheduler for the database and clock already registered (<c>AddWuyiDatabase</c>, the runtime's
    /// <see cref="TimeProvider"/>), with settings from <c>Wuyi:Scheduling</c>.
    /// </summary>
    public static IServiceCollection AddWuyiScheduling(this IServiceCollection services, IConfiguration? configuration)
    {
        var target = services.LastOrDefault(d => d.ServiceType == typeof(DatabaseTarget))?.ImplementationInstance as DatabaseTarget
            ?? throw new InvalidOperationException("Register the database (AddWuyiDatabase) before the scheduler.");
        var clock = services.LastOrDefault(d => d.ServiceType == typeof(TimeProvider))?.ImplementationInstance as TimeProvider;
        var options = new RuntimeSchedulingOptions();
        configuration?.GetSection(RuntimeSchedulingOptions.Section).Bind(options);
        return services.AddWuyiScheduling(target, options, clock);
    }

    /// <summary>
    /// Adds the scheduler. <paramref name="clock"/> null leaves Quartz on the container's <see cref="TimeProvider"/>;
    /// <paramref name="configure"/> lets tests add listeners; with <paramref name="hostedService"/> the scheduler starts
    /// once the schema is current (<see cref="SchedulerStarter"/>), without it the caller starts it
    /// (<see cref="ISchedulerFactory"/>).
    /// </summary>
    public static IServiceCollection AddWuyiScheduling(this IServiceCollection services, DatabaseTarget target, RuntimeSchedulingOptions options,
        TimeProvider? clock, Action<IQuartzBuilder>? configure = null, bool hostedService = true)
    {
        services.AddSingleton(new MaintenanceSchedule(options.MaintenanceInterval));
        services.AddQuartz(q =>
        {
            ConfigureNode(q, SchedulerName, target, options, clock);
            q.ScheduleJob<MaintenanceJob>(
                trigger => trigger.WithIdentity(MaintenanceJob.TriggerKey).StartNow()
                    .WithSimpleSchedule(s => s.WithInterval(options.MaintenanceInterval).RepeatForever()
                        // A sweep missed while every node was down is not worth catching up on: the next one does it all.
                        .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithExistingCount)),
                job => job.WithIdentity(MaintenanceJob.Key).StoreDurably());
            configure?.Invoke(q);
        });
        if (hostedService)
            services.AddHostedService<SchedulerStarter>();
        return services;
    }

    /// <summary>
    /// What every node of a cluster shares: name, AUTO instance id, clock, thread pool, and the job store on
    /// <paramref name="target"/> with System.Text.Json, clustered on PostgreSQL. Used by the service and by
    /// <see cref="QuartzThroughput"/>, so the benchmark measures the configuration that runs.
    /// </summary>
    internal static void ConfigureNode(IQuartzBuilder q, string schedulerName, DatabaseTarget target, RuntimeSchedulingOptions options,
        TimeProvider? clock, Action<AdoJobStoreOptions>? store = null)
    {
        q.ConfigureScheduler(s =>
        {
            s.InstanceName = schedulerName;
            // AUTO: unique per node, as clustering requires. (SQLite runs one node, and Quartz reads a generated id
            // there as a request to cluster, which it refuses.)
            s.GenerateInstanceId = target.Provider == DatabaseProvider.PostgreSql;
        });
        if (clock is not null)
            q.UseTimeProvider(clock);
        q.UseDefaultThreadPool(p => p.MaxConcurrency = options.MaxConcurrency);
        q.UsePersistentStore(persistent =>
        {
            if (target.Provider == DatabaseProvider.PostgreSql)
                persistent.UsePostgres(target.ConnectionString);
            else
                persistent.UseSqlite(target.ConnectionString);
            persistent.UseSystemTextJsonSerializer();
            // Quartz refuses a clustered store on SQLite (its file locks cannot arbitrate between nodes), and a SQLite
            // file serves one node anyway: there the store is persistent but not clustered.
            if (target.Provider == DatabaseProvider.PostgreSql)
                persistent.UseClustering(c =>
                {
                    c.CheckinInterval = options.CheckinInterval;
                    c.CheckinMisfireThreshold = options.CheckinMisfireThreshold;
                });
            persistent.ConfigureStore(s =>
            {
                // The tables come from the runtime's migrations; Quartz only checks them at start-up.
                s.SchemaProvisioning = SchemaProvisioning.Validate;
                store?.Invoke(s);
            });
        });
    }
}

/// <summary>
/// Present when Quartz runs the recurring maintenance; without it (no scheduler, e.g. <c>--clock manual</c>) the
/// background loop does the housekeeping itself.
/// </summary>
/// <param name="Interval">How often the maintenance job runs.</param>
internal sealed record MaintenanceSchedule(TimeSpan Interval);
