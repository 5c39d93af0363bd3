using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wuyi.Certification;
using Wuyi.Runtime;
using Wuyi.Runtime.Definitions;
using Wuyi.Runtime.Instances;
using Wuyi.Runtime.Persistence;
using Wuyi.Runtime.Timers;
using Wuyi.Server.Hosting;

namespace Wuyi.Server.Bench;

/// <summary>
/// The runtime in this process on one benchmark database: a manual clock (time moves only through
/// <see cref="ClockAdvance"/>), no background loop, so what is measured is the runtime's own work.
/// </summary>
internal sealed class BenchRuntime : IAsyncDisposable
{
    /// <summary>Where the manual clock starts.</summary>
    public static readonly DateTimeOffset Start = DateTimeOffset.Parse("2022-08-24T09:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture);

    private BenchRuntime(ServiceProvider services, ManualClock clock, string connectionString)
    {
        Services = services;
        Clock = clock;
        ConnectionString = connectionString;
    }

    public ServiceProvider Services { get; }

    public ManualClock Clock { get; }

    public string ConnectionString { get; }

    /// <summary>
    /// Builds the runtime's services on <paramref name="connectionString"/> and brings the schema up to date; with
    /// <paramref name="certification"/>, the certification domain too (its tables and service handlers).
    /// </summary>
    public static async Task<BenchRuntime> CreateAsync(string connectionString, CancellationToken cancellationToken, bool certification = false)
    {
        var clock = new ManualClock(Start);
        var collection = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddWuyiDatabase(new DatabaseTarget(DatabaseProvider.PostgreSql, connectionString))
            .AddWuyiRuntime(null, clock, backgroundLoop: false);
        // One node: the manual clock need not be read back from the database before every request.
        collection.Configure<RuntimeOptions>(o => o.SyncManualClockPerOperation = false);
        if (certification) // its options bind to configuration: the defaults here, none given
            collection.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build()).AddCertification();
        var services = collection.BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        return new BenchRuntime(services, clock, connectionString);
    }

    /// <summary>Runs <paramref name="action"/> in a scope of its own and then the follow-up work it left, as an API request does.</summary>
    public Task<T> RequestAsync<T>(Func<IServiceProvider, Task<T>> action, CancellationToken cancellationToken) =>
        ServiceRequests.RunAsync(Services, action, cancellationToken);

    /// <summary>Deploys a model; throws when it does not validate.</summary>
    public async Task DeployAsync(string xml, CancellationToken cancellationToken)
    {
        var outcome = await RequestAsync(s => s.GetRequiredService<Deployment>().DeployAsync(xml, "bench", cancellationToken), cancellationToken);
        if (!outcome.Success)
            throw new InvalidOperationException($"a bench model does not validate: {string.Join("; ", outcome.Problems)}");
    }

    /// <summary>Starts one instance as one request.</summary>
    public async Task<string> StartAsync(string processKey, string businessKey, CancellationToken cancellationToken)
    {
        var outcome = await RequestAsync(s => s.GetRequiredService<InstanceTransitions>().StartAsync(
            new StartInstanceRequest(processKey, businessKey, null, "bench"), cancellationToken), cancellationToken);
        return outcome.Status == TransitionStatus.Applied
            ? outcome.InstanceId
            : throw new InvalidOperationException($"starting {processKey} was {outcome.Status}: {outcome.Refusal}");
    }

    /// <summary>How many starts one seeding request makes (one transaction each).</summary>
    public const int SeedBatch = 200;

    /// <summary>
    /// Starts <paramref name="count"/> instances in batches of <see cref="SeedBatch"/> (<see cref="InstanceTransitions.StartBatchAsync"/>),
    /// <paramref name="parallelism"/> batches at a time, the n-th with business key <see cref="BenchModels.BusinessKey"/>(n);
    /// returns the elapsed time.
    /// </summary>
    public async Task<TimeSpan> SeedAsync(string processKey, int count, int parallelism, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var next = 0;
        var started = System.Diagnostics.Stopwatch.StartNew();
        var workers = Enumerable.Range(0, parallelism).Select(_ => Task.Run(async () =>
        {
            int first;
            while ((first = Interlocked.Add(ref next, SeedBatch) - SeedBatch + 1) <= count)
            {
                var batch = Enumerable.Range(first, Math.Min(SeedBatch, count - first + 1))
                    .Select(n => new StartInstanceRequest(processKey, BenchModels.BusinessKey(n), null, "bench")).ToList();
                var outcomes = await RequestAsync(s => s.GetRequiredService<InstanceTransitions>().StartBatchAsync(batch, cancellationToken), cancellationToken);
                if (outcomes.FirstOrDefault(o => o.Status != TransitionStatus.Applied) is { } failed)
                    throw new InvalidOperationException($"starting {processKey} was {failed.Status}: {failed.Refusal}");
                if ((first - 1) / 10_000 != (first - 1 + batch.Count) / 10_000)
                    progress?.Report(first - 1 + batch.Count);
            }
        }, cancellationToken)).ToList();
        await Task.WhenAll(workers);
        return started.Elapsed;
    }

    public async ValueTask DisposeAsync() => await Services.DisposeAsync();
}
