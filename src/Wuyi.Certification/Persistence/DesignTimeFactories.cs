using Microsoft.EntityFrameworkCore.Design;
using Wuyi.Runtime.Persistence;

namespace Wuyi.Certification.Persistence;

// Used only by `dotnet ef migrations add`; the connection strings are never opened.
internal sealed class PostgresCertificationDesignFactory : IDesignTimeDbContextFactory<PostgresCertificationDbContext>
{
    public PostgresCertificationDbContext CreateDbContext(string[] args) => new(ModuleDbContextOptions.For<PostgresCertificationDbContext>(
        new DatabaseTarget(DatabaseProvider.PostgreSql, "Host=localhost;Database=design"), CertificationDbContext.Module));
}

internal sealed class SqliteCertificationDesignFactory : IDesignTimeDbContextFactory<SqliteCertificationDbContext>
{
    public SqliteCertificationDbContext CreateDbContext(string[] args) => new(ModuleDbContextOptions.For<SqliteCertificationDbContext>(
        new DatabaseTarget(DatabaseProvider.Sqlite, "Data Source=design.db"), CertificationDbContext.Module));
}
