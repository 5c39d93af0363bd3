using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wuyi.Certification.Regions;
using Wuyi.Runtime.Persistence;

namespace Wuyi.Server.Hosting;

/// <summary>Migrates the database and seeds the regions: what `migrate` does, and `serve` before it listens.</summary>
internal static class DatabaseStartup
{
    public static async Task MigrateAndSeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        try
        {
            await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        }
        catch (DatabaseUnavailableException e)
        {
            throw new WuyiStartupException(e.Message, e);
        }
        await ShippedWorkflows.DeployAsync(services, services.GetRequiredService<WuyiSettings>(), cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var seeded = await scope.ServiceProvider.GetRequiredService<RegionSeed>().SeedIfEmptyAsync(cancellationToken);
        if (seeded > 0)
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup))
                .LogInformation("Seeded {Count} regions from {File}", seeded, RegionSeed.FileName);
    }

    /// <summary>Seeds the demo certifications if there is none yet (first start of the embedded default).
    /// Demo data is a convenience: a failure to seed it is logged and the service starts anyway.</summary>
    public static async Task SeedDemoAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup));
        try
        {
            var started = await DemoCertifications.SeedIfEmptyAsync(services, cancellationToken);
            if (started > 0)
                logger.LogInformation("Seeded {Count} demo certifications in {County} (Wuyi:Demo=false to start empty)", started, DemoCertifications.County);
            var users = await DemoUsers.SeedIfEmptyAsync(services, cancellationToken);
            if (users.Count > 0)
                logger.LogWarning("Seeded the demo users, all with the password {Password} (a demo, never a deployment): {Users}",
                    DemoUsers.Password, string.Join(", ", users));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Seeding the demo failed; the service starts without it");
        }
    }
}
