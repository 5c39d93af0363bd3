using Microsoft.EntityFrameworkCore;

namespace Wuyi.Certification.Persistence;

/// <summary>The certification tables on PostgreSQL; its migrations are under <c>Migrations/Postgres</c>.</summary>
public sealed class PostgresCertificationDbContext(DbContextOptions<PostgresCertificationDbContext> options)
    : CertificationDbContext(options);
