using Microsoft.Extensions.Diagnostics.HealthChecks;
using Wuyi.Runtime.Persistence;

namespace Wuyi.Server.Hosting;

/// <summary>Ready when the database answers and every module's migrations are applied.</summary>
internal sealed class DatabaseReadinessCheck(DatabaseMigrator migrator, DatabaseTarget target) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var pending = await migrator.PendingAsync(cancellationToken);
            return pending.Count == 0
                ? HealthCheckResult.Healthy(target.Description)
                : HealthCheckResult.Unhealthy($"migrations pending for: {string.Join(", ", pending)}");
        }
        catch (DatabaseUnavailableException e)
        {
            return HealthCheckResult.Unhealthy(e.Message);
        }
    }
}
