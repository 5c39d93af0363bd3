using Microsoft.Extensions.Logging.Abstractions;
using Wuyi.Runtime.Persistence;
using Wuyi.Testing;

namespace Wuyi.Runtime.Tests.Persistence;

public sealed class DatabaseMigratorTests
{
    [Fact]
    public async Task MigrateAsync_PostgresNotListening_UnavailableNamingTheServer()
    {
        var target = DatabaseTarget.Parse("postgresql://nobody@127.0.0.1:9/nowhere", ".data").Target!;
        var migrator = new DatabaseMigrator(target, [new FailingModule(target)], NullLogger<DatabaseMigrator>.Instance);

        var error = await Assert.ThrowsAsync<DatabaseUnavailableException>(() => migrator.MigrateAsync(CancellationToken.None));

        Assert.StartsWith("Cannot reach PostgreSQL 127.0.0.1:9/nowhere:", error.Message);
    }

    [Fact]
    public async Task MigrateAsync_SqliteFolderMissing_CreatesIt()
    {
        using var directory = new TemporaryDirectory();
        var target = DatabaseTarget.Parse(null, directory.File("nested/deeper")).Target!;
        var migrator = new DatabaseMigrator(target, [], NullLogger<DatabaseMigrator>.Instance);

        await migrator.MigrateAsync(CancellationToken.None);

        Assert.True(File.Exists(directory.File("nested/deeper/wuyi.db")));
    }

    // Opens a real connection the way EF's migrator would, so the failure is Npgsql's own.
    private sealed class FailingModule(DatabaseTarget target) : IModuleDatabase
    {
        public string Module => "probe";

        public Task MigrateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task<IReadOnlyList<string>> PendingMigrationsAsync(CancellationToken cancellationToken)
        {
            await using var connection = new Npgsql.NpgsqlConnection(target.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            return [];
        }
    }
}
