using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wuyi.Server.Hosting;

namespace Wuyi.Server.CommandLine;

/// <summary>Runs an operator command (not the web server) with the service's settings and services.</summary>
internal static class CommandHost
{
    /// <summary>Exit code for bad input: an invalid file, setting or model.</summary>
    public const int InvalidInput = 2;

    /// <summary>Exit code for a failure of the environment, e.g. an unreachable database.</summary>
    public const int Failure = 1;

    public static async Task<int> RunAsync(ParseResult parse, Func<IServiceProvider, TextWriter, CancellationToken, Task<int>> action, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        try
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
            builder.Configuration.AddInMemoryCollection(Overrides(parse));
            builder.Services.AddWuyi(builder.Configuration, backgroundLoop: false);
            using var host = builder.Build();
            return await action(host.Services, output, cancellationToken);
        }
        catch (WuyiStartupException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return Failure;
        }
    }

    public static Dictionary<string, string?> Overrides(ParseResult parse) =>
        WuyiServices.FlagsToSettings(parse.GetValue(WuyiCommandLine.Database), parse.GetValue(WuyiCommandLine.DataDirectory));
}
