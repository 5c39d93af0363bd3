using System.CommandLine;
using Wuyi.Server.Hosting;

namespace Wuyi.Server.CommandLine;

/// <summary>`wuyi migrate`: bring the database schema up to date and seed the regions, then exit.</summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Apply pending database migrations and seed the regions, then exit.");
        command.SetAction((parse, cancellationToken) => CommandHost.RunAsync(parse, async (services, output, ct) =>
        {
            await DatabaseStartup.MigrateAndSeedAsync(services, ct);
            await output.WriteLineAsync("The database is up to date.");
            return 0;
        }, cancellationToken));
        return command;
    }
}
