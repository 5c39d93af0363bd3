using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wuyi.Runtime.Calendar;
using Wuyi.Runtime.Definitions;
using Wuyi.Runtime.Forms;

namespace Wuyi.Server.Hosting;

/// <summary>
/// Deploys what the service ships (<see cref="ShippedContent"/>) at start-up and logs each file with where it came
/// from: the business calendar (<c>calendar/*.json</c>), the forms (<c>forms/*.form</c>) and the models (top-level
/// <c>*.bpmn</c>). Deploying is idempotent by content, so only a changed file makes a new version; a model or form that
/// does not validate stops the start with its problems.
/// </summary>
internal static class ShippedWorkflows
{
    /// <summary>Deploys the calendar, the forms and the models; returns how many models there were.</summary>
    public static async Task<int> DeployAsync(IServiceProvider services, WuyiSettings settings, CancellationToken cancellationToken)
    {
        var content = ShippedContent.Open(settings.WorkflowsDirectory);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ShippedWorkflows));
        // The calendar and settings first: the due dates of the first tasks are counted in working days.
        var calendars = new List<(string, string)>();
        foreach (var file in content.Find("calendar", ".json"))
            calendars.Add((file, await content.ReadAsync(file, cancellationToken)));
        BusinessCalendar.Install(calendars.Count == 0 ? null : BusinessCalendar.Read(calendars), services.GetService<IConfiguration>());
        // Forms before the models: a task the models create right away is checked against its form.
        foreach (var file in content.Find("forms", ".form"))
        {
            await using var scope = services.CreateAsyncScope();
            var (form, created, error) = await scope.ServiceProvider.GetRequiredService<FormDeployment>()
                .DeployAsync(await content.ReadAsync(file, cancellationToken), "system:startup", cancellationToken);
            if (form is null)
                throw new WuyiStartupException($"{file} in {content.Source} is not a Camunda Form: {error}");
            if (created)
                logger.LogInformation("Deployed form {Form} version {Version} from {File} in {Source}", form.FormId, form.Version, file, content.Source);
        }
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
