using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Wuyi.Runtime.Definitions;
using Wuyi.Server.Hosting;

namespace Wuyi.Server.CommandLine;

/// <summary>`wuyi deploy FILE…`: validate BPMN files with the engine and deploy a version of each changed process.</summary>
internal static class DeployCommand
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("FILE") { Description = "BPMN 2.0 files.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("deploy", "Validate and deploy BPMN files; the same XML twice is one version.") { files };
        command.SetAction((parse, cancellationToken) => CommandHost.RunAsync(parse, async (services, output, ct) =>
        {
            await DatabaseStartup.MigrateAndSeedAsync(services, ct);
            var exit = 0;
            foreach (var file in parse.GetRequiredValue(files))
            {
                string xml;
                try
                {
                    xml = await File.ReadAllTextAsync(file.FullName, ct);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    await parse.InvocationConfiguration.Error.WriteLineAsync($"error: {file.FullName}: {e.Message}");
                    exit = CommandHost.InvalidInput;
                    continue;
                }
                await using var scope = services.CreateAsyncScope();
                var outcome = await scope.ServiceProvider.GetRequiredService<Deployment>().DeployAsync(xml, $"cli:{Environment.UserName}", ct);
                if (!outcome.Success)
                {
                    foreach (var problem in outcome.Problems)
                        await parse.InvocationConfiguration.Error.WriteLineAsync($"error: {file.FullName}: {problem}");
                    exit = CommandHost.InvalidInput;
                    continue;
                }
                foreach (var version in outcome.Versions)
                    await output.WriteLineAsync($"{file.Name}: {version.Key} version {version.Version}{(version.Created ? "" : " (unchanged)")}");
            }
            return exit;
        }, cancellationToken));
        return command;
    }
}
