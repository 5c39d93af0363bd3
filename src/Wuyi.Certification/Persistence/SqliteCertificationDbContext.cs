using Microsoft.EntityFrameworkCore;

namespace Wuyi.Certification.Persistence;

/// <summary>The certification tables on SQLite; its migrations are under <c>Migrations/Sqlite</c>.</summary>
public sealed class SqliteCertificationDbContext(DbContextOptions<SqliteCertificationDbContext> options)
    : CertificationDbContext(options);
