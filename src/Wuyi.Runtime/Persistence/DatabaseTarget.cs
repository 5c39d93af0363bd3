using Microsoft.Data.Sqlite;
using Npgsql;

namespace Wuyi.Runtime.Persistence;

/// <summary>
/// Which database to use, read from the <c>--db</c> flag or the <c>Wuyi:Database</c> setting:
/// a <c>postgresql://</c> URL or an Npgsql connection string for PostgreSQL, <c>sqlite:PATH</c> for a
/// SQLite file, or nothing for the embedded default file in the data folder.
/// </summary>
/// <param name="Provider">The database engine.</param>
/// <param name="ConnectionString">The provider's connection string.</param>
public sealed record DatabaseTarget(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>The name of the embedded default file inside the data folder.</summary>
    public const string DefaultFileName = "wuyi.db";

    /// <summary>Where the database is, for logs: never includes a password.</summary>
    public string Description => Provider switch
    {
        DatabaseProvider.PostgreSql => DescribePostgres(ConnectionString),
        _ => $"SQLite file {new SqliteConnectionStringBuilder(ConnectionString).DataSource}",
    };

    /// <summary>
    /// Reads a database setting. Returns the target, or an error that says what was wrong with the value
    /// (without echoing a password).
    /// </summary>
    public static (DatabaseTarget? Target, string? Error) Parse(string? value, string dataDirectory)
    {
        if (string.IsNullOrWhiteSpace(value))
            return (Sqlite(Path.Combine(dataDirectory, DefaultFileName)), null);
        value = value.Trim();
        if (value.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            var path = value["sqlite:".Length..];
            return path.Length == 0
                ? (null, "The database setting 'sqlite:' names no file; write sqlite:PATH, e.g. sqlite:./data/wuyi.db.")
                : (Sqlite(path), null);
        }
        if (value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) ||
            value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase))
            return FromUrl(value);
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(value);
            if (string.IsNullOrEmpty(builder.Host))
                return (null, "The database setting is an Npgsql connection string without Host=; " + Expected);
            return (new DatabaseTarget(DatabaseProvider.PostgreSql, builder.ConnectionString), null);
        }
        catch (ArgumentException e)
        {
            return (null, $"The database setting is not understood ({e.Message}); " + Expected);
        }
    }

    private const string Expected =
        "expected a postgresql:// URL, an Npgsql connection string (Host=…;Database=…), or sqlite:PATH.";

    private static DatabaseTarget Sqlite(string path)
    {
        var full = Path.GetFullPath(path);
        var builder = new SqliteConnectionStringBuilder { DataSource = full, Cache = SqliteCacheMode.Private, DefaultTimeout = 30, Pooling = true };
        return new DatabaseTarget(DatabaseProvider.Sqlite, builder.ConnectionString);
    }

    private static (DatabaseTarget?, string?) FromUrl(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            return (null, "The database URL is malformed; " + Expected);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } db ? db : "wuyi",
        };
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
                builder.Password = Uri.UnescapeDataString(parts[1]);
        }
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(kv[0]);
            var val = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "";
            try
            {
                // libpq spells it sslmode; Npgsql's keyword is "SSL Mode" and accepts the same values.
                builder[key.Equals("sslmode", StringComparison.OrdinalIgnoreCase) ? "SSL Mode" : key] = val;
            }
            catch (ArgumentException)
            {
                return (null, $"The database URL has an unknown parameter '{key}'; " + Expected);
            }
        }
        return (new DatabaseTarget(DatabaseProvider.PostgreSql, builder.ConnectionString), null);
    }

    private static string DescribePostgres(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
    }
}
