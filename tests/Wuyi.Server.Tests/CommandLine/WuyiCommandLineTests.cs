using Snapshooter.Xunit;
using Wuyi.Testing;

namespace Wuyi.Server.Tests.CommandLine;

public sealed class WuyiCommandLineTests
{
    [Theory]
    [InlineData("serve")]
    [InlineData("migrate")]
    [InlineData("regions")]
    [InlineData("regions", "import")]
    public async Task Help_EveryCommand_DescribesItself(params string[] command)
    {
        var run = await WuyiRun.RunAsync([.. command, "--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Output);
        Assert.Contains("--db", run.Output);
    }

    [Fact]
    public async Task Help_Root_ListsCommands()
    {
        var run = await WuyiRun.RunAsync("--help");

        run.Output.Replace("testhost", "wuyi").MatchSnapshot();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Migrate_Twice_UpToDateBothTimes(string kind)
    {
        using var database = TestDatabase.Create(kind);

        var first = await WuyiRun.RunAsync("migrate", "--db", database.Setting);
        var second = await WuyiRun.RunAsync("migrate", "--db", database.Setting);

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Equal("The database is up to date.", second.Output.Trim());
    }

    [Fact]
    public async Task Migrate_UnreachablePostgres_ClearErrorExit1()
    {
        var run = await WuyiRun.RunAsync("migrate", "--db", "postgresql://wuyi:secret@127.0.0.1:9/wuyi");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error: Cannot reach PostgreSQL 127.0.0.1:9/wuyi:", run.Error);
        Assert.DoesNotContain("secret", run.Error);
    }

    [Fact]
    public async Task Migrate_MalformedSetting_ClearErrorExit1()
    {
        var run = await WuyiRun.RunAsync("migrate", "--db", "Servr=oops");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("The database setting is not understood", run.Error);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task RegionsImport_MalformedRow_NamesLineAndChangesNothing(string kind)
    {
        using var database = TestDatabase.Create(kind);
        using var directory = new TemporaryDirectory();
        var good = directory.File("good.csv");
        var bad = directory.File("bad.csv");
        await File.WriteAllTextAsync(good, "code,name,parentCode\n71,台湾省,\n7101,台北市,71\n");
        await File.WriteAllTextAsync(bad, "code,name,parentCode\n7102,高雄市,71\n7103,基隆市\n");

        var imported = await WuyiRun.RunAsync("regions", "import", good, "--db", database.Setting);
        var refused = await WuyiRun.RunAsync("regions", "import", bad, "--db", database.Setting);

        Assert.Equal(0, imported.ExitCode);
        Assert.StartsWith("Imported 2 regions", imported.Output);
        Assert.Equal(2, refused.ExitCode);
        Assert.Equal($"error: {bad}:3: expected 3 columns (code,name,parentCode), found 2.", refused.Error.Trim());
        Assert.Equal(3572 + 2, await RegionCount(database));
    }

    [Fact]
    public async Task RegionsImport_UnreadableFile_NamesFile()
    {
        using var database = TestDatabase.Create("sqlite");

        var run = await WuyiRun.RunAsync("regions", "import", "/nonexistent/villages.csv", "--db", database.Setting);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: /nonexistent/villages.csv: cannot read the regions file", run.Error);
    }

    private static async Task<long> RegionCount(TestDatabase database)
    {
        await using var connection = database.Target.Provider == Runtime.Persistence.DatabaseProvider.PostgreSql
            ? (System.Data.Common.DbConnection)new Npgsql.NpgsqlConnection(database.Target.ConnectionString)
            : new Microsoft.Data.Sqlite.SqliteConnection(database.Target.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM regions";
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
