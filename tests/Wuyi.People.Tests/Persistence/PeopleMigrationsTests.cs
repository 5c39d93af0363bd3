using Microsoft.EntityFrameworkCore;
using Wuyi.People.Persistence;
using Wuyi.Runtime.Persistence;

namespace Wuyi.People.Tests.Persistence;

public sealed class PeopleMigrationsTests
{
    [Fact]
    public void Migrations_BothProviders_MatchTheModel()
    {
        using var postgres = new PostgresPeopleDbContext(ModuleDbContextOptions.For<PostgresPeopleDbContext>(
            new DatabaseTarget(DatabaseProvider.PostgreSql, "Host=localhost;Database=unused"), PeopleDbContext.Module));
        using var sqlite = new SqlitePeopleDbContext(ModuleDbContextOptions.For<SqlitePeopleDbContext>(
            new DatabaseTarget(DatabaseProvider.Sqlite, "Data Source=unused.db"), PeopleDbContext.Module));

        Assert.False(postgres.Database.HasPendingModelChanges(), "regenerate the PostgreSQL migrations of the people module");
        Assert.False(sqlite.Database.HasPendingModelChanges(), "regenerate the SQLite migrations of the people module");
    }
}
