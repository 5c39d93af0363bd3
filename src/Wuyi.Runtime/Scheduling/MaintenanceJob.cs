using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Wuyi.Runtime.Scheduling;

/// <summary>
/// Quartz's side of <see cref="RuntimeMaintenance"/>: resolves it in a scope of its own and calls it. No logic here,
/// so the work can be called and tested without a scheduler.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class MaintenanceJob(IServiceScopeFactory scopes) : IJob
{
    /// <summary>The job's key in the store.</summary>
    public static readonly JobKey Key = new("maintenance", "wuyi");

    /// <summary>The key of the trigger that runs it every <see cref="RuntimeSchedulingOptions.MaintenanceInterval"/>.</summary>
    public static readonly TriggerKey TriggerKey = new("maintenance", "wuyi");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        context.Result = await scope.ServiceProvider.GetRequiredService<RuntimeMaintenance>().RunAsync(cancellationToken);
    }
}
