using Microsoft.Extensions.Logging;
using Wuyi.Runtime.Messages;

namespace Wuyi.Runtime.Scheduling;

/// <summary>
/// The runtime's recurring housekeeping, run by <see cref="MaintenanceJob"/> on one node of the cluster per firing
/// (or by the background loop each round when no scheduler runs, as with <c>--clock manual</c>). Everything here is
/// idempotent and judged by business time, so running it late, twice or on any node changes nothing but timing.
/// </summary>
internal sealed class RuntimeMaintenance(MessageCorrelation messages, ILogger<RuntimeMaintenance> logger)
{
    /// <summary>Drops buffered messages past their time-to-live; returns how many rows were removed.</summary>
    /// <remarks>Delivery already ignores an expired message, so this only keeps the table small.</remarks>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var expired = await messages.ExpireBufferedAsync(cancellationToken);
        if (expired > 0)
            logger.LogInformation("Dropped {Count} buffered message(s) past their time-to-live", expired);
        return expired;
    }
}
