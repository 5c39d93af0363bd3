using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wuyi.Certification;
using Wuyi.People;
using Wuyi.People.Mail;
using Wuyi.Runtime;
using Wuyi.Runtime.Persistence;
using Wuyi.Runtime.Timers;

namespace Wuyi.Server.Hosting;

/// <summary>The services every command shares: settings, the database, the modules.</summary>
internal static class WuyiServices
{
    /// <summary>Reads the settings and registers the database and the modules.</summary>
    /// <exception cref="WuyiStartupException">The settings are invalid (e.g. an unreadable database setting).</exception>
    public static WuyiSettings AddWuyi(this IServiceCollection services, IConfiguration configuration, bool backgroundLoop = true)
    {
        var settings = configuration.GetSection(WuyiSettings.Section).Get<WuyiSettings>() ?? new WuyiSettings();
        var (target, error) = DatabaseTarget.Parse(settings.Database, settings.DataDirectory);
        if (target is null)
            throw new WuyiStartupException(error!);
        services.AddSingleton(settings);
        services.AddWuyiDatabase(target);
        var manualClock = settings.Clock switch
        {
            "system" or "" or null => null,
            "manual" => new ManualClock(settings.ManualClockStart ?? DateTimeOffset.Parse("2022-08-24T00:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture)),
            var other => throw new WuyiStartupException($"--clock must be 'system' or 'manual', not '{other}'."),
        };
        services.AddWuyiRuntime(configuration, manualClock, backgroundLoop);
        // JavaScript script tasks run in Jint's sandbox; the runtime parses models with it when it is registered.
        services.AddSingleton<Wuyi.Engine.Scripting.IScriptEngine>(new Wuyi.Scripting.JintScriptEngine());
        services.AddCertification(backgroundProjection: backgroundLoop);
        services.AddPeople();
        services.AddScoped<Wuyi.Runtime.Tasks.TaskHandover>();
        services.AddSingleton<IShippedMailTemplates, ShippedMailTemplates>();
        services.AddWuyiMail(configuration, scheduleDigest: backgroundLoop && manualClock is null);
        return settings;
    }

    /// <summary>Maps command-line flags onto settings keys, so flags override appsettings and environment.</summary>
    public static Dictionary<string, string?> FlagsToSettings(string? db, string? dataDirectory, string? clock = null)
    {
        var values = new Dictionary<string, string?>();
        if (clock is not null)
            values[$"{WuyiSettings.Section}:{nameof(WuyiSettings.Clock)}"] = clock;
        if (db is not null)
            values[$"{WuyiSettings.Section}:{nameof(WuyiSettings.Database)}"] = db;
        if (dataDirectory is not null)
            values[$"{WuyiSettings.Section}:{nameof(WuyiSettings.DataDirectory)}"] = dataDirectory;
        return values;
    }
}
