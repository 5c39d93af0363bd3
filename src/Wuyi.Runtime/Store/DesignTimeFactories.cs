using Microsoft.EntityFrameworkCore.Design;
using Wuyi.Runtime.Persistence;

namespace Wuyi.Runtime.Store;

// Used only by `dotnet ef migrations add`; the connection strings are never opened.
internal sealed class PostgresRuntimeDesignFactory : IDesignTimeDbContextFactory<PostgresRuntimeDbContext>
{
    public PostgresRuntimeDbContext CreateDbContext(string[] args) => new(ModuleDbContextOptions.For<PostgresRuntimeDbContext>(
        new DatabaseTarget(DatabaseProvider.PostgreSql, "Host=localhost;Database=design"), RuntimeDbContext.Module));
}

internal sealed class SqliteRuntimeDesignFactory : IDesignTimeDbContextFactory<SqliteRuntimeDbContext>
{
    public SqliteRuntimeDbContext CreateDbContext(string[] args) => new(ModuleDbContextOptions.For<SqliteRuntimeDbContext>(
        new DatabaseTarget(DatabaseProvider.Sqlite, "Data Source=design.db"), RuntimeDbContext.Module));
}
