using Npgsql;
using Wuyi.Runtime.Persistence;

namespace Wuyi.Runtime.Tests.Persistence;

public sealed class DatabaseTargetTests
{
    [Fact]
    public void Parse_Nothing_EmbeddedSqliteFileInDataFolder()
    {
        var (target, error) = DatabaseTarget.Parse(null, "/var/lib/wuyi");

        Assert.Null(error);
        Assert.Equal(DatabaseProvider.Sqlite, target!.Provider);
        Assert.Contains("/var/lib/wuyi/wuyi.db", target.ConnectionString);
    }

    [Fact]
    public void Parse_SqlitePrefix_ThatFile()
    {
        var (target, _) = DatabaseTarget.Parse("sqlite:/tmp/x/other.db", ".data");

        Assert.Equal(DatabaseProvider.Sqlite, target!.Provider);
        Assert.Equal("SQLite file /tmp/x/other.db", target.Description);
    }

    [Fact]
    public void Parse_PostgresUrl_NpgsqlConnectionStringWithEveryPart()
    {
        var (target, error) = DatabaseTarget.Parse("postgresql://wuyi:s%40cret@db.internal:6432/certs?sslmode=disable", ".data");

        Assert.Null(error);
        var builder = new NpgsqlConnectionStringBuilder(target!.ConnectionString);
        Assert.Equal(("db.internal", 6432, "certs", "wuyi", "s@cret", SslMode.Disable),
            (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password, builder.SslMode));
        Assert.Equal("PostgreSQL db.internal:6432/certs", target.Description);
        Assert.DoesNotContain("cret", target.Description);
    }

    [Fact]
    public void Parse_NpgsqlConnectionString_PostgreSql()
    {
        var (target, _) = DatabaseTarget.Parse("Host=127.0.0.1;Port=5433;Database=w;Username=u", ".data");

        Assert.Equal(DatabaseProvider.PostgreSql, target!.Provider);
    }

    [Theory]
    [InlineData("sqlite:", "names no file")]
    [InlineData("Nonsense=1", "not understood")]
    [InlineData("Database=w", "without Host=")]
    [InlineData("postgresql://", "malformed")]
    [InlineData("postgresql://h/db?nosuchkeyword=1", "unknown parameter 'nosuchkeyword'")]
    public void Parse_BadSetting_ClearError(string value, string expected)
    {
        var (target, error) = DatabaseTarget.Parse(value, ".data");

        Assert.Null(target);
        Assert.Contains(expected, error);
    }
}
