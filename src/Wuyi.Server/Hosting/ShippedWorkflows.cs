using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wuyi.Runtime.Definitions;

namespace Wuyi.Server.Hosting;

/// <summary>
/// Deploys the models the service ships (<see cref="ShippedContent"/>, top-level <c>*.bpmn</c>) at start-up and logs
/// each with where it came from. Deploying is idempotent by content, so only a changed model makes a new version; a
/// model that does not validate stops the start with its problems.
/// </summary>
internal static class ShippedWorkflows
{
    /// <summary>Deploys the models; returns how many there were.</summary>
    public static async Task<int> DeployAsync(IServiceProvider services, WuyiSettings settings, CancellationToken cancellationToken)
    {
        var content = ShippedContent.Open(settings.WorkflowsDirectory);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ShippedWorkflows));
        var models = content.Find("", ".bpmn").ToList();
        if (models.Count == 0)
            logger.LogWarning("No BPMN models in {Source}: nothing shipped is deployed", content.Source);
        foreach (var file in models)
        {
            await using var scope = services.CreateAsyncScope();
            var outcome = await scope.ServiceProvider.GetRequiredService<Deployment>()
                .DeployAsync(await content.ReadAsync(file, cancellationToken), "system:startup", cancellationToken);
            if (!outcome.Success)
                throw new WuyiStartupException($"{file} in {content.Source} does not validate: {string.Join("; ", outcome.Problems)}");
            foreach (var version in outcome.Versions)
                logger.LogInformation(version.Created ? "Deployed {Key} version {Version} from {File} in {Source}"
                    : "{Key} version {Version} from {File} in {Source} is deployed already", version.Key, version.Version, file, content.Source);
        }
        return models.Count;
    }
}
