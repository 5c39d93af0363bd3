using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wuyi.Runtime.Persistence;
using Wuyi.Runtime.Store;
using Wuyi.Testing;

namespace Wuyi.Runtime.Tests.Store;

public sealed class RuntimeMigrationTests
{
    [Fact]
    public void Model_BothProviders_MigrationsCurrent()
    {
        using var postgres = new PostgresRuntimeDbContext(ModuleDbContextOptions.For<PostgresRuntimeDbContext>(
            new DatabaseTarget(DatabaseProvider.PostgreSql, "Host=x"), RuntimeDbContext.Module));
        using var sqlite = new SqliteRuntimeDbContext(ModuleDbContextOptions.For<SqliteRuntimeDbContext>(
            new DatabaseTarget(DatabaseProvider.Sqlite, "Data Source=x.db"), RuntimeDbContext.Module));

        Assert.False(postgres.Database.HasPendingModelChanges(), "the PostgreSQL migrations lag the model: dotnet ef migrations add");
        Assert.False(sqlite.Database.HasPendingModelChanges(), "the SQLite migrations lag the model: dotnet ef migrations add");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task MigrateAsync_Twice_NothingPendingAndNoError(string kind)
    {
        using var database = TestDatabase.Create(kind);
        await using var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddWuyiDatabase(database.Target).AddWuyiRuntime(backgroundLoop: false).BuildServiceProvider();
        var migrator = services.GetRequiredService<DatabaseMigrator>();

        await migrator.MigrateAsync(CancellationToken.None);
        await migrator.MigrateAsync(CancellationToken.None);

        Assert.Empty(await migrator.PendingAsync(CancellationToken.None));
    }
}
