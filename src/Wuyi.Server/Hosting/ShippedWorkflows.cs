using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wuyi.Runtime.Calendar;
using Wuyi.Runtime.Definitions;
using Wuyi.Runtime.Forms;

namespace Wuyi.Server.Hosting;

/// <summary>
/// Deploys the models the service ships (`workflows/*.bpmn`) at start-up. Deploying is idempotent by content,
/// so only a changed model makes a new version; a model that does not validate stops the start with its problems.
/// </summary>
internal static class ShippedWorkflows
{
    public static async Task DeployAsync(IServiceProvider services, WuyiSettings settings, CancellationToken cancellationToken)
    {
        var folder = Locate(settings.WorkflowsDirectory);
        // The calendar and settings first: the due dates of the first tasks are counted in working days.
        BusinessCalendar.Install(folder is null ? null : Path.Combine(folder, "calendar"), services.GetService<IConfiguration>());
        if (folder is null)
            return;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ShippedWorkflows));
        await DeployFormsAsync(services, Path.Combine(folder, "forms"), logger, cancellationToken);
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

    // Forms go first: a task the models create right away is checked against its form.
    private static async Task DeployFormsAsync(IServiceProvider services, string folder, ILogger logger, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
            return;
        foreach (var file in Directory.EnumerateFiles(folder, "*.form").Order(StringComparer.Ordinal))
        {
            await using var scope = services.CreateAsyncScope();
            var (form, created, error) = await scope.ServiceProvider.GetRequiredService<FormDeployment>()
                .DeployAsync(await File.ReadAllTextAsync(file, cancellationToken), "system:startup", cancellationToken);
            if (form is null)
                throw new WuyiStartupException($"{file} is not a Camunda Form: {error}");
            if (created)
                logger.LogInformation("Deployed form {Form} version {Version} from {File}", form.FormId, form.Version, Path.GetFileName(file));
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
