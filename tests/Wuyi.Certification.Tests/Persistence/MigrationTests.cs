using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wuyi.Certification.Persistence;
using Wuyi.Runtime.Persistence;
using Wuyi.Testing;

namespace Wuyi.Certification.Tests.Persistence;

public sealed class MigrationTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task MigrateAsync_Twice_SecondChangesNothing(string kind)
    {
        await using var database = await CertificationDatabase.CreateAsync(kind, migrate: false);
        var migrator = database.Services.GetRequiredService<DatabaseMigrator>();
        Assert.Contains(CertificationDbContext.Module, await migrator.PendingAsync(CancellationToken.None));

        await database.MigrateAsync();
        await database.MigrateAsync();

        Assert.Empty(await migrator.PendingAsync(CancellationToken.None));
        var applied = await database.InScopeAsync(s => s.GetRequiredService<CertificationDbContext>().Database.GetAppliedMigrationsAsync());
        Assert.NotEmpty(applied);
    }

    [Fact]
    public void Model_BothProviders_SameTablesAndColumns()
    {
        static IEnumerable<string> Shape(DbContext context) => context.Model.GetEntityTypes()
            .SelectMany(e => e.GetProperties().Select(p => $"{e.GetTableName()}.{p.GetColumnName()}")).Order();
        using var postgres = new PostgresCertificationDbContext(ModuleDbContextOptions.For<PostgresCertificationDbContext>(
            new DatabaseTarget(DatabaseProvider.PostgreSql, "Host=x"), CertificationDbContext.Module));
        using var sqlite = new SqliteCertificationDbContext(ModuleDbContextOptions.For<SqliteCertificationDbContext>(
            new DatabaseTarget(DatabaseProvider.Sqlite, "Data Source=x.db"), CertificationDbContext.Module));

        Assert.Equal(Shape(postgres), Shape(sqlite));
        Assert.False(postgres.Database.HasPendingModelChanges(), "the PostgreSQL migrations lag the model: dotnet ef migrations add");
        Assert.False(sqlite.Database.HasPendingModelChanges(), "the SQLite migrations lag the model: dotnet ef migrations add");
    }
}
