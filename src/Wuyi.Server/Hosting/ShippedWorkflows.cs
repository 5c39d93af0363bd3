using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wuyi.Runtime.Definitions;

namespace Wuyi.Server.Hosting;

/// <summary>
/// Deploys the models the service ships (`workflows/*.bpmn`) at start-up. Deploying is idempotent by content,
/// so only a changed model makes a new version; a model that does not validate stops the start with its problems.
/// </summary>
internal static class ShippedWorkflows
{
    public static async Task DeployAsync(IServiceProvider services, WuyiSettings settings, CancellationToken cancellationToken)
    {
        if (Locate(settings.WorkflowsDirectory) is not { } folder)
            return;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ShippedWorkflows));
        foreach (var file in Directory.EnumerateFiles(folder, "*.bpmn").Order(StringComparer.Ordinal))
        {
            await using var scope = services.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<Deployment>()
                .DeployAsync(await File.ReadAllTextAsync(file, cancellationToken), "system:startup", cancellationToken);
            if (!outcome.Success)
                throw new WuyiStartupException($"{file} does not validate: {string.Join("; ", outcome.Problems)}");
            foreach (var version in outcome.Versions.Where(v => v.Created))
                logger.LogInformation("Deployed {Key} version {Version} from {File}", version.Key, version.Version, Path.GetFileName(file));
        }
    }

    /// <summary>The configured folder, else the nearest `workflows` folder up from here or from the executable.</summary>
    private static string? Locate(string? configured)
    {
        if (!string.IsNullOrEmpty(configured))
            return Directory.Exists(configured) ? configured : throw new WuyiStartupException($"the workflows folder {configured} does not exist");
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "workflows");
                if (Directory.Exists(candidate) && Directory.EnumerateFiles(candidate, "*.bpmn").Any())
                    return candidate;
            }
        return null;
    }
}
