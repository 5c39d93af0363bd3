using System.CommandLine;

namespace Wuyi.Server.CommandLine;

/// <summary>The `wuyi` command line: one executable for the service and its operators.</summary>
public static class WuyiCommandLine
{
    /// <summary>Where the database is: a <c>postgresql://</c> URL, an Npgsql connection string, or <c>sqlite:PATH</c>.</summary>
    internal static readonly Option<string?> Database = new("--db")
    {
        Description = "The database: a postgresql:// URL, an Npgsql connection string, or sqlite:PATH (default: the embedded SQLite file in the data folder).",
        Recursive = true,
    };

    /// <summary>The folder of the embedded database.</summary>
    internal static readonly Option<string?> DataDirectory = new("--data")
    {
        Description = "The data folder of the embedded SQLite database (default: .data).",
        Recursive = true,
    };

    /// <summary>Builds the root command; without a subcommand it serves.</summary>
    public static RootCommand Create()
    {
        var root = new RootCommand("WuyiWorkflow (无疫): certification of epidemic-free villages, communities and compounds, as durable BPMN workflows.")
        {
            Database,
            DataDirectory,
        };
        ServeCommand.Configure(root);
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(MigrateCommand.Create());
        root.Subcommands.Add(RegionsCommand.Create());
        root.Subcommands.Add(DeployCommand.Create());
        root.Subcommands.Add(SimulateCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(UsersCommand.Create());
        root.Subcommands.Add(ApiKeysCommand.Create());
        return root;
    }
}
