using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Wuyi.Certification.Regions;
using Wuyi.Server.Hosting;

namespace Wuyi.Server.CommandLine;

/// <summary>`wuyi regions import FILE`: load administrative divisions (code,name,parentCode) in bulk.</summary>
internal static class RegionsCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A UTF-8 CSV file with the header code,name,parentCode." };
        var import = new Command("import", "Load a regions file into the database: all rows or none.") { file };
        import.SetAction((parse, cancellationToken) => CommandHost.RunAsync(parse, async (services, output, ct) =>
        {
            var path = parse.GetRequiredValue(file).FullName;
            try
            {
                var started = Stopwatch.GetTimestamp();
                var rows = RegionFile.Read(path);
                await DatabaseStartup.MigrateAndSeedAsync(services, ct);
                await using var scope = services.CreateAsyncScope();
                var written = await scope.ServiceProvider.GetRequiredService<RegionImport>().LoadAsync(rows, path, ct);
                await output.WriteLineAsync($"Imported {written} regions from {path} in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s.");
                return 0;
            }
            catch (RegionFileException e)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"error: {e.Message}");
                return CommandHost.InvalidInput;
            }
        }, cancellationToken));
        return new Command("regions", "Administrative divisions (province → city → county → township → village).") { import };
    }
}
