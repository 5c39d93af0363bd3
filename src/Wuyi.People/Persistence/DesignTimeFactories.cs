using Microsoft.EntityFrameworkCore.Design;
using Wuyi.Runtime.Persistence;

namespace Wuyi.People.Persistence;

// Used only by `dotnet ef migrations add`; the connection strings are never opened.
internal sealed class PostgresPeopleDesignFactory : IDesignTimeDbContextFactory<PostgresPeopleDbContext>
{
    public PostgresPeopleDbContext CreateDbContext(string[] args) => new(ModuleDbContextOptions.For<PostgresPeopleDbContext>(
        new DatabaseTarget(DatabaseProvider.PostgreSql, "Host=localhost;Database=design"), PeopleDbContext.Module));
}

internal sealed class SqlitePeopleDesignFactory : IDesignTimeDbContextFactory<SqlitePeopleDbContext>
{
    public SqlitePeopleDbContext CreateDbContext(string[] args) => new(ModuleDbContextOptions.For<SqlitePeopleDbContext>(
        new DatabaseTarget(DatabaseProvider.Sqlite, "Data Source=design.db"), PeopleDbContext.Module));
}
