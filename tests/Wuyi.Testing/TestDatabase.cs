using Xunit;
using Wuyi.Runtime.Persistence;

namespace Wuyi.Testing;

/// <summary>
/// A fresh, empty database of either kind for one test: a new database on the test PostgreSQL server, or a
/// new SQLite file. Tests that touch a database run as a theory over <see cref="Kinds"/>.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    private readonly TemporaryDirectory? directory;

    private TestDatabase(DatabaseTarget target, TemporaryDirectory? directory)
    {
        Target = target;
        this.directory = directory;
    }

    /// <summary>Both kinds, as xunit theory data.</summary>
    public static TheoryData<string> Kinds => new() { "postgres", "sqlite" };

    /// <summary>The database to use.</summary>
    public DatabaseTarget Target { get; }

    /// <summary>The <c>--db</c> value that selects this database.</summary>
    public string Setting => Target.Provider == DatabaseProvider.PostgreSql
        ? Target.ConnectionString
        : "sqlite:" + new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(Target.ConnectionString).DataSource;

    /// <summary>Creates an empty database of <paramref name="kind"/> ("postgres" or "sqlite").</summary>
    public static TestDatabase Create(string kind)
    {
        if (kind == "postgres")
            return new TestDatabase(new DatabaseTarget(DatabaseProvider.PostgreSql, PostgresServer.Instance.CreateDatabase()), null);
        var directory = new TemporaryDirectory();
        return new TestDatabase(DatabaseTarget.Parse(null, directory.Path).Target!, directory);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        directory?.Dispose();
    }
}
