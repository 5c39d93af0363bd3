using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Quartz;
using Quartz.Extensibility;
using Wuyi.Runtime.Persistence;
using Wuyi.Runtime.Scheduling;
using Wuyi.Runtime.Store;
using Wuyi.Testing;

namespace Wuyi.Runtime.Tests.Scheduling;

public sealed class QuartzSchedulingTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2022-08-24T09:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime();

    // Quartz's own thread runs the job; this bounds how long a test waits for it (real time, never business time).
    private static readonly TimeSpan QuartzThread = TimeSpan.FromSeconds(30);

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Migrate_Twice_CreatesEveryQuartzTableOnce_AndDownRemovesThem(string kind)
    {
        using var database = TestDatabase.Create(kind);
        await using var node = Node(database.Target, new RuntimeSchedulingOptions(), TimeProvider.System);
        var migrator = node.GetRequiredService<DatabaseMigrator>();

        await migrator.MigrateAsync(CancellationToken.None);
        await migrator.MigrateAsync(CancellationToken.None);

        Assert.Equal(QuartzSchema.Tables.Order(), await QuartzTablesAsync(node));
        await using (var scope = node.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RuntimeDbContext>();
            var before = db.Database.GetMigrations().Single(m => m.EndsWith("_InitialRuntime", StringComparison.Ordinal));
            await db.GetService<IMigrator>().MigrateAsync(before);
        }
        Assert.Empty(await QuartzTablesAsync(node));
        await migrator.MigrateAsync(CancellationToken.None);
        Assert.Equal(QuartzSchema.Tables.Order(), await QuartzTablesAsync(node));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Scheduler_OnTheRuntimeDatabase_StartsOnTheInjectedClock_ClusteredOnPostgres_AndMaintenanceDropsExpiredMessages(string kind)
    {
        using var database = TestDatabase.Create(kind);
        var clock = new FakeTimeProvider(Start);
        var runs = new ExecutionLog();
        await using var node = Node(database.Target, new RuntimeSchedulingOptions(), clock, runs);
        await node.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        await BufferAsync(node, "expired", Start.AddMinutes(-1));
        await BufferAsync(node, "alive", Start.AddHours(1));
        var scheduler = await node.GetRequiredService<ISchedulerFactory>().GetScheduler();

        await scheduler.Start();
        await scheduler.TriggerJob(MaintenanceJob.Key, new JobDataMap());
        var run = await runs.NextAsync();

        var metadata = await scheduler.GetMetadata();
        Assert.True(metadata.JobStorePersistent);
        Assert.Equal(kind == "postgres", metadata.JobStoreClustered); // Quartz refuses to cluster on SQLite
        Assert.Equal(QuartzScheduling.SchedulerName, metadata.SchedulerName);
        Assert.Equal(Start, run.FireTime); // Quartz reads the injected clock, not the machine's
        Assert.Equal(["alive"], await BufferedAsync(node));
        await scheduler.Shutdown(true);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task MaintenanceTrigger_InjectedClockAdvancedAnInterval_FiresTheNextSweep(string kind)
    {
        using var database = TestDatabase.Create(kind);
        var clock = new FakeTimeProvider(Start);
        var runs = new ExecutionLog();
        await using var node = Node(database.Target, new RuntimeSchedulingOptions(), clock, runs);
        await node.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        var scheduler = await node.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.Start();
        var first = await runs.NextAsync(); // the trigger starts now
        await BufferAsync(node, "expires", Start.AddSeconds(30));

        clock.Advance(TimeSpan.FromMinutes(1));
        var second = await runs.NextAsync(clock);

        Assert.Equal(MaintenanceJob.TriggerKey, second.Trigger);
        Assert.Equal(first.ScheduledFor + TimeSpan.FromMinutes(1), second.ScheduledFor);
        Assert.Empty(await BufferedAsync(node));
        await scheduler.Shutdown(true);
    }

    [Fact]
    public async Task TwoNodes_OnePostgres_BothJoinTheCluster_AndEachMaintenanceFiringRunsOnExactlyOne()
    {
        using var database = TestDatabase.Create("postgres");
        // Real time here: two nodes in a cluster compare check-ins, so they must share a clock that moves by itself.
        var options = new RuntimeSchedulingOptions { MaintenanceInterval = TimeSpan.FromSeconds(1), CheckinInterval = TimeSpan.FromSeconds(1) };
        var runs = new ExecutionLog();
        await using var a = Node(database.Target, options, TimeProvider.System, runs);
        await using var b = Node(database.Target, options, TimeProvider.System, runs);
        await a.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        var schedulerA = await a.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var schedulerB = await b.GetRequiredService<ISchedulerFactory>().GetScheduler();

        await Task.WhenAll(schedulerA.Start().AsTask(), schedulerB.Start().AsTask());
        var firings = new List<Execution>();
        for (var i = 0; i < 5; i++)
            firings.Add(await runs.NextAsync());
        var nodes = await schedulerA.QueryClusterNodes();
        await Task.WhenAll(schedulerA.Shutdown(true).AsTask(), schedulerB.Shutdown(true).AsTask());

        var ids = new[] { await schedulerA.GetSchedulerInstanceId(), await schedulerB.GetSchedulerInstanceId() };
        Assert.NotEqual(ids[0], ids[1]);
        Assert.Subset(nodes.Select(n => n.InstanceId).ToHashSet(), ids.ToHashSet());
        var all = runs.All.Where(r => r.Trigger == MaintenanceJob.TriggerKey).ToList();
        Assert.All(all, r => Assert.Contains(r.Node, ids));
        Assert.Equal(all.Count, all.Select(r => r.ScheduledFor).Distinct().Count()); // no firing ran on both nodes
    }

    [Fact]
    public async Task HostedScheduler_DatabaseNotMigrated_WaitsWithoutFailing_ThenStartsOnceMigrated()
    {
        using var database = TestDatabase.Create("sqlite");
        var runs = new ExecutionLog();
        await using var node = Node(database.Target, new RuntimeSchedulingOptions(), TimeProvider.System, runs, hostedService: true);
        var starter = node.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<SchedulerStarter>().Single();

        await starter.StartAsync(CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Empty(runs.All); // waiting, not crashed
        await node.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        var first = await runs.NextAsync(); // the maintenance trigger starts now

        Assert.Equal(MaintenanceJob.TriggerKey, first.Trigger);
        await starter.StopAsync(CancellationToken.None);
    }

    private static ServiceProvider Node(DatabaseTarget target, RuntimeSchedulingOptions options, TimeProvider clock, ExecutionLog? runs = null,
        bool hostedService = false)
    {
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(clock)
            .AddWuyiDatabase(target)
            .AddWuyiRuntime(null, null, backgroundLoop: false);
        services.AddWuyiScheduling(target, options, clock, q =>
        {
            if (runs is not null)
                q.AddJobListener(runs, [Matchers.Key(MaintenanceJob.Key)]);
        }, hostedService);
        return services.BuildServiceProvider();
    }

    private static async Task BufferAsync(ServiceProvider node, string id, DateTimeOffset expiresAt)
    {
        await using var scope = node.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RuntimeDbContext>();
        db.BufferedMessages.Add(new BufferedMessageRecord
        {
            MessageId = id, Name = "caseConfirmed", CorrelationKey = "460105", Variables = "{}", ReceivedAt = Start.AddHours(-1), ExpiresAt = expiresAt,
        });
        await db.SaveChangesAsync();
    }

    private static async Task<List<string>> BufferedAsync(ServiceProvider node)
    {
        await using var scope = node.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RuntimeDbContext>().BufferedMessages.Select(m => m.MessageId).ToListAsync();
    }

    private static async Task<List<string>> QuartzTablesAsync(ServiceProvider node)
    {
        await using var scope = node.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RuntimeDbContext>();
        var sql = db.Database.IsNpgsql()
            ? "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema() AND table_name LIKE 'qrtz%'"
            : "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name LIKE 'qrtz%'";
        return (await db.Database.SqlQueryRaw<string>(sql).ToListAsync()).Order().ToList();
    }

    private sealed record Execution(string Node, TriggerKey Trigger, DateTimeOffset FireTime, DateTimeOffset? ScheduledFor);

    /// <summary>Every run of the maintenance job, on whichever node, in completion order.</summary>
    private sealed class ExecutionLog : IJobListener
    {
        private readonly ConcurrentQueue<Execution> all = new();
        private readonly System.Threading.Channels.Channel<Execution> completed = System.Threading.Channels.Channel.CreateUnbounded<Execution>();

        public string Name => "test-log";

        public IReadOnlyCollection<Execution> All => all;

        public async Task<Execution> NextAsync() => await completed.Reader.ReadAsync().AsTask().WaitAsync(QuartzThread);

        /// <summary>
        /// The next run, nudging <paramref name="clock"/> on by 100 ms every 100 ms meanwhile: the previous run's
        /// completion may still be committing when the clock jumps, and Quartz then retries after a short wait on
        /// its clock — which a fake clock never ends by itself. The nudges stay far below the next interval.
        /// </summary>
        public async Task<Execution> NextAsync(FakeTimeProvider clock)
        {
            var next = completed.Reader.ReadAsync().AsTask();
            for (var waited = TimeSpan.Zero; !next.IsCompleted && waited < QuartzThread; waited += TimeSpan.FromMilliseconds(100))
            {
                await Task.WhenAny(next, Task.Delay(100));
                clock.Advance(TimeSpan.FromMilliseconds(100));
            }
            return await next.WaitAsync(TimeSpan.Zero);
        }

        public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public async ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken)
        {
            Assert.Null(jobException);
            var execution = new Execution(await context.Scheduler.GetSchedulerInstanceId(cancellationToken), context.Trigger.Key,
                context.FireTimeUtc, context.ScheduledFireTimeUtc);
            all.Enqueue(execution);
            await completed.Writer.WriteAsync(execution, cancellationToken);
        }

        public ValueTask JobProgressChanged(IJobExecutionContext context, FireInstanceProgress progress, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
