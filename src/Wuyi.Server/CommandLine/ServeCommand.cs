using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Wuyi.Server.Hosting;

namespace Wuyi.Server.CommandLine;

/// <summary>`wuyi serve`: migrate, seed, and serve the API and console until stopped.</summary>
internal static class ServeCommand
{
    private static readonly Option<string?> Urls = new("--urls")
    {
        Description = "The addresses to listen on, as in any ASP.NET Core host (default: http://localhost:5000).",
    };

    private static readonly Option<string?> Clock = new("--clock")
    {
        Description = "system (default) or manual: with manual, time moves only by POST /api/clock/advance (staging, tests).",
    };

    public static Command Create()
    {
        var command = new Command("serve", "Run the service (the default command).");
        Configure(command);
        return command;
    }

    /// <summary>Gives <paramref name="command"/> serve's options and action (the root command serves too).</summary>
    public static void Configure(Command command)
    {
        command.Options.Add(Urls);
        command.Options.Add(Clock);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var overrides = CommandHost.Overrides(parse);
            if (parse.GetValue(Clock) is { } clock)
                overrides["Wuyi:Clock"] = clock;
            if (parse.GetValue(Urls) is { } urls)
                overrides["urls"] = urls;
            try
            {
                await using var app = WuyiWebApp.Build([], overrides);
                var settings = app.Services.GetRequiredService<WuyiSettings>();
                if (settings.MigrateOnStart)
                    await DatabaseStartup.MigrateAndSeedAsync(app.Services, cancellationToken);
                if (settings.SeedsDemo)
                    await DatabaseStartup.SeedDemoAsync(app.Services, cancellationToken);
                await app.RunAsync();
                return 0;
            }
            catch (WuyiStartupException e)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"error: {e.Message}");
                return CommandHost.Failure;
            }
        });
    }
}
