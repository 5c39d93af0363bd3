using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wuyi.Engine.State;
using Wuyi.Runtime.Definitions;
using Wuyi.Runtime.Instances;
using Wuyi.Runtime.Messages;
using Wuyi.Runtime.Outbox;
using Wuyi.Runtime.Persistence;
using Wuyi.Runtime.Store;
using Wuyi.Runtime.Timers;
using Wuyi.Testing;

namespace Wuyi.Runtime.Tests;

/// <summary>The runtime's services on a fresh database with a manual clock, and shortcuts the tests share.</summary>
internal sealed class RuntimeHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = DateTimeOffset.Parse("2022-08-24T09:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture);
    private readonly TestDatabase database;
    private readonly bool ownsDatabase;

    private RuntimeHarness(TestDatabase database, ServiceProvider services, ManualClock clock, bool ownsDatabase = true)
    {
        this.database = database;
        this.ownsDatabase = ownsDatabase;
        Services = services;
        Clock = clock;
    }

    public ServiceProvider Services { get; }

    public ManualClock Clock { get; }

    public static Task<RuntimeHarness> CreateAsync(string kind, params IServiceTaskHandler[] handlers) => CreateAsync(kind, _ => { }, handlers);

    public static Task<RuntimeHarness> CreateAsync(string kind, Action<IServiceCollection> configure, params IServiceTaskHandler[] handlers) =>
        CreateAsync(TestDatabase.Create(kind), true, configure, handlers);

    /// <summary>A second node on this harness's database: its own services and its own manual clock (at <see cref="Start"/>).</summary>
    public Task<RuntimeHarness> AnotherNodeAsync() => CreateAsync(database, false, _ => { });

    private static async Task<RuntimeHarness> CreateAsync(TestDatabase database, bool ownsDatabase, Action<IServiceCollection> configure,
        params IServiceTaskHandler[] handlers)
    {
        var clock = new ManualClock(Start);
        var collection = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddWuyiDatabase(database.Target)
            .AddWuyiRuntime(null, clock, backgroundLoop: false);
        collection.Configure<RuntimeOptions>(o => o.ServiceRetryDelay = TimeSpan.Zero);
        foreach (var handler in handlers)
            collection.AddSingleton(handler);
        configure(collection);
        var services = collection.BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return new RuntimeHarness(database, services, clock, ownsDatabase);
    }

    /// <summary>Runs <paramref name="action"/> in a scope of its own, then the pending work it left, as an API request does.</summary>
    public async Task<T> RequestAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        var result = await action(scope.ServiceProvider);
        return result;
    }

    public Task<DeploymentOutcome> DeployAsync(string xml) =>
        RequestAsync(s => s.GetRequiredService<Deployment>().DeployAsync(xml, "admin", CancellationToken.None));

    public Task<TransitionOutcome> StartAsync(string processKey, string? businessKey = null, IReadOnlyDictionary<string, object?>? variables = null, string? id = null) =>
        RequestAsync(s => s.GetRequiredService<InstanceTransitions>().StartAsync(
            new StartInstanceRequest(processKey, businessKey, variables, "tester", id), CancellationToken.None));

    /// <summary>Deploys and starts the review model, waiting at its user task; returns the instance and the task id.</summary>
    public async Task<(string InstanceId, string TaskId)> StartReviewAsync(string? businessKey = "460105001001")
    {
        await DeployAsync(Models.Review);
        var started = await StartAsync("review", businessKey, new Dictionary<string, object?> { ["townshipCode"] = "460105001" });
        var task = (await OpenTasksAsync(started.InstanceId)).Single();
        return (started.InstanceId, task.Id);
    }

    public Task<T> QueryAsync<T>(Func<RuntimeDbContext, Task<T>> query) =>
        RequestAsync(s => query(s.GetRequiredService<RuntimeDbContext>()));

    public Task<InstanceRecord> InstanceAsync(string id) => QueryAsync(db => db.Instances.AsNoTracking().SingleAsync(i => i.Id == id));

    public async Task<InstanceState> StateAsync(string id) => InstanceStateJson.Deserialize((await InstanceAsync(id)).State);

    public Task<List<UserTaskRecord>> OpenTasksAsync(string instanceId) =>
        QueryAsync(db => db.UserTasks.AsNoTracking().Where(t => t.InstanceId == instanceId && t.Status == "open").OrderBy(t => t.CreatedAt).ToListAsync());

    public Task<List<string>> HistoryAsync(string instanceId) =>
        QueryAsync(db => db.History.AsNoTracking().Where(h => h.InstanceId == instanceId).OrderBy(h => h.Id).Select(h => h.Type + " " + (h.ElementId ?? "")).ToListAsync());

    public Task<(DateTimeOffset Now, int Fired)> AdvanceAsync(TimeSpan by) =>
        RequestAsync(s => s.GetRequiredService<ClockAdvance>().AdvanceAsync(by, CancellationToken.None));

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (ownsDatabase)
            database.Dispose();
    }
}
