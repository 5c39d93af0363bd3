using Microsoft.EntityFrameworkCore;

namespace Wuyi.Runtime.Store;

/// <summary>The runtime tables on PostgreSQL; its migrations are under <c>Store/Migrations/Postgres</c>.</summary>
public sealed class PostgresRuntimeDbContext(DbContextOptions<PostgresRuntimeDbContext> options) : RuntimeDbContext(options);
