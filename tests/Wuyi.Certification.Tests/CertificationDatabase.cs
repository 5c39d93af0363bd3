using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wuyi.Runtime.Persistence;
using Wuyi.Testing;

namespace Wuyi.Certification.Tests;

/// <summary>The certification module's services on a fresh test database.</summary>
internal sealed class CertificationDatabase : IAsyncDisposable
{
    private readonly TestDatabase database;

    private CertificationDatabase(TestDatabase database, ServiceProvider services)
    {
        this.database = database;
        Services = services;
    }

    public ServiceProvider Services { get; }

    public DatabaseTarget Target => database.Target;

    public static async Task<CertificationDatabase> CreateAsync(string kind, bool migrate = true)
    {
        var database = TestDatabase.Create(kind);
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddWuyiDatabase(database.Target)
            .AddCertification()
            .BuildServiceProvider();
        var result = new CertificationDatabase(database, services);
        if (migrate)
            await result.MigrateAsync();
        return result;
    }

    public Task MigrateAsync() => Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        database.Dispose();
    }
}
