namespace Wuyi.Runtime.Persistence;

/// <summary>The database engines the service stores its state in.</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded SQLite file: the default, nothing to install.</summary>
    Sqlite,

    /// <summary>PostgreSQL: for production and for several nodes.</summary>
    PostgreSql,
}
