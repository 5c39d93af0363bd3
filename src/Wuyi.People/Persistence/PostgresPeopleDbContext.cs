using Microsoft.EntityFrameworkCore;

namespace Wuyi.People.Persistence;

/// <summary>The people tables on PostgreSQL; its migrations are under <c>Persistence/Migrations/Postgres</c>.</summary>
public sealed class PostgresPeopleDbContext(DbContextOptions<PostgresPeopleDbContext> options) : PeopleDbContext(options);
