using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Quartz;
using Wuyi.Runtime.Persistence;
using Wuyi.Runtime.Store;

namespace Wuyi.Runtime.Scheduling;

/// <summary>
/// Measures how fast Quartz's clustered ADO.NET job store on PostgreSQL fires one-off triggers that all fall due at
/// the same instant — the outbreak case ("100,000 timers due at once") — with the configuration the service runs.
/// For <c>wuyi bench</c>; not a test.
/// </summary>
/// <remarks>
/// The database gets the runtime's migrations (which create the Quartz tables). The run uses a scheduler name of its
/// own, so a live cluster on the same database is not disturbed, and removes its rows afterwards.
/// </remarks>
public static class QuartzThroughput
{
    private static readonly ConcurrentDictionary<string, Run> Runs = new();

    /// <summary>
    /// Schedules <paramref name="triggers"/> one-off triggers due at one instant with the scheduler(s) in standby, one
    /// store call per trigger as a transition would make it, then starts <paramref name="nodes"/> clustered schedulers
    /// and times them until every trigger has fired.
    /// </summary>
    /// <param name="postgresConnectionString">An Npgsql connection string to a database the caller may write to.</param>
    /// <param name="triggers">How many one-off triggers.</param>
    /// <param name="nodes">How many clustered schedulers share the work (in this process).</param>
    /// <param name="threads">Each scheduler's thread pool; also its batch size when <paramref name="maxBatchSize"/> is 0.</param>
    /// <param name="maxBatchSize">Triggers acquired per round; 0 lets Quartz choose (the thread pool's size).</param>
    /// <param name="timeout">Gives up waiting for the firings after this long (default 30 minutes).</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <exception cref="TimeoutException">Not every trigger fired within <paramref name="timeout"/>.</exception>
    public static async Task<QuartzFigures> MeasureAsync(string postgresConnectionString, int triggers, int nodes = 1, int threads = 10,
        int maxBatchSize = 0, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(triggers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(nodes, 1);
        var target = new DatabaseTarget(DatabaseProvider.PostgreSql, postgresConnectionString);
        await using (var db = new PostgresRuntimeDbContext(ModuleDbContextOptions.For<PostgresRuntimeDbContext>(target, RuntimeDbContext.Module)))
            await db.Database.MigrateAsync(cancellationToken);

        var name = $"wuyi-bench-{Guid.NewGuid():N}"[..24];
        var run = new Run(triggers);
        Runs[name] = run;
        var schedulers = new List<IScheduler>();
        try
        {
            var options = new RuntimeSchedulingOptions { MaxConcurrency = threads };
            for (var i = 0; i < nodes; i++)
                schedulers.Add(await QuartzSchedulerBuilder.Create(q =>
                {
                    QuartzScheduling.ConfigureNode(q, name, target, options, TimeProvider.System,
                        // Triggers scheduled before the start are due already; they must fire, not be handled as misfires.
                        s => s.MisfireThreshold = TimeSpan.FromHours(1));
                    q.ConfigureScheduler(s => s.MaxBatchSize = maxBatchSize);
                }).BuildScheduler(cancellationToken));

            var first = schedulers[0];
            var job = JobBuilder.Create<CountingJob>().WithIdentity("count", "bench").StoreDurably().Build();
            await first.AddJob(job, new AddJobOptions(), cancellationToken);
            var due = DateTimeOffset.UtcNow;
            var scheduling = Stopwatch.StartNew();
            for (var i = 0; i < triggers; i++)
                await first.ScheduleJob(TriggerBuilder.Create().WithIdentity($"t{i}", "bench").ForJob(job.Key).StartAt(due).Build(),
                    new ScheduleJobOptions(), cancellationToken);
            scheduling.Stop();

            var firing = Stopwatch.StartNew();
            await Task.WhenAll(schedulers.Select(s => s.Start(cancellationToken).AsTask()));
            await run.AllFired.Task.WaitAsync(timeout ?? TimeSpan.FromMinutes(30), cancellationToken);
            firing.Stop();
            return new QuartzFigures(triggers, nodes, threads, maxBatchSize, scheduling.Elapsed, firing.Elapsed);
        }
        finally
        {
            foreach (var scheduler in schedulers)
                await scheduler.Shutdown(false, CancellationToken.None);
            Runs.TryRemove(name, out _);
            await RemoveRowsAsync(postgresConnectionString, name);
        }
    }

    private static async Task RemoveRowsAsync(string connectionString, string schedulerName)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var table in QuartzSchema.Tables)
        {
            await using var command = new NpgsqlCommand($"DELETE FROM {table} WHERE sched_name = @name", connection);
            command.Parameters.AddWithValue("name", schedulerName);
            await command.ExecuteNonQueryAsync();
        }
    }

    private sealed class Run(int expected)
    {
        private int fired;

        public TaskCompletionSource AllFired { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Fired()
        {
            if (Interlocked.Increment(ref fired) == expected)
                AllFired.TrySetResult();
        }
    }

    // Counts and returns: the figure is the store's cost per firing, not a job's.
    private sealed class CountingJob : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        {
            if (Runs.TryGetValue(context.Scheduler.SchedulerName, out var run))
                run.Fired();
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>What one <see cref="QuartzThroughput.MeasureAsync"/> run measured.</summary>
/// <param name="Triggers">One-off triggers scheduled and fired.</param>
/// <param name="Nodes">Clustered schedulers that fired them.</param>
/// <param name="Threads">Each scheduler's thread pool size.</param>
/// <param name="MaxBatchSize">Triggers acquired per round (0: Quartz's automatic choice, the thread pool's size).</param>
/// <param name="Scheduling">Time to store every trigger, one call each.</param>
/// <param name="Firing">Time from starting the schedulers until the last trigger fired.</param>
public sealed record QuartzFigures(int Triggers, int Nodes, int Threads, int MaxBatchSize, TimeSpan Scheduling, TimeSpan Firing)
{
    /// <summary>Triggers stored per second.</summary>
    public double ScheduledPerSecond => Triggers / Scheduling.TotalSeconds;

    /// <summary>Firings per second, all nodes together.</summary>
    public double FiredPerSecond => Triggers / Firing.TotalSeconds;

    /// <inheritdoc />
    public override string ToString() =>
        $"Quartz AdoJobStore (PostgreSQL, clustered, {Nodes} node(s) x {Threads} threads, batch {(MaxBatchSize == 0 ? "auto" : MaxBatchSize)}): " +
        $"{Triggers} one-off triggers scheduled in {Scheduling.TotalSeconds:F1} s ({ScheduledPerSecond:F0}/s), " +
        $"fired in {Firing.TotalSeconds:F1} s ({FiredPerSecond:F0}/s)";
}
