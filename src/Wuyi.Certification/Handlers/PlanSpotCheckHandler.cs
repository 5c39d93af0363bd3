using Microsoft.Extensions.DependencyInjection;
using Wuyi.Certification.Inspections;
using Wuyi.Runtime.Outbox;

namespace Wuyi.Certification.Handlers;

/// <summary>Topic <c>plan-spot-check</c>: draws the mode of a scheduled check when it falls due, from the covert share of the
/// policy in force, so the schedule mixes open and covert checks (明查、暗访相结合). The draw is keyed by the check's wait, so a
/// retried call gets the same mode; nothing reaches the area here.</summary>
internal sealed class PlanSpotCheckHandler(IServiceScopeFactory scopes, IInspectionDraws draws) : IServiceTaskHandler
{
    public string Name => "plan-spot-check";

    public async Task<ServiceResult> HandleAsync(ServiceCall call, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var policy = await scope.ServiceProvider.GetRequiredService<InspectionPolicies>().CurrentAsync(cancellationToken);
        var covert = draws.IsCovert(call.WaitId, policy.CovertShare);
        return ServiceResult.Completed(new Dictionary<string, object?> { ["scheduledCheckMode"] = covert ? "covert" : "open" });
    }
}
