using Microsoft.Extensions.DependencyInjection;
using Wuyi.Certification.Epidemic;
using Wuyi.Expressions;
using Wuyi.Runtime.Outbox;

namespace Wuyi.Certification.Handlers;

/// <summary>Topic <c>check-eligibility</c> (at application and again when the 7-day observation ends): may the area take
/// part now, its latest infection (read now, so a case reported while the call was out still counts) and when its 7
/// clean calendar days after that infection end (<c>countEndsAt</c>, China time).</summary>
internal sealed class CheckEligibilityHandler(IServiceScopeFactory scopes) : IServiceTaskHandler
{
    public string Name => "check-eligibility";

    public async Task<ServiceResult> HandleAsync(ServiceCall call, CancellationToken cancellationToken)
    {
        if (!call.Variables.TryGetValue("areaCode", out var value) || value is not string areaCode || areaCode.Length < 12)
            return ServiceResult.Completed(new Dictionary<string, object?>
            {
                ["eligible"] = false, ["eligibilityReason"] = "the application names no area code", ["lastInfectionAt"] = null,
                ["countEndsAt"] = null,
            });
        await using var scope = scopes.CreateAsyncScope();
        var eligibility = await scope.ServiceProvider.GetRequiredService<EpidemicStatus>().CheckAsync(areaCode, cancellationToken);
        return ServiceResult.Completed(new Dictionary<string, object?>
        {
            ["eligible"] = eligibility.Eligible, ["eligibilityReason"] = eligibility.Reason,
            ["lastInfectionAt"] = eligibility.LastInfectionAt is { } last ? IsoDate.ToText(last) : null,
            ["countEndsAt"] = eligibility.LastInfectionAt is { } infection
                ? IsoDate.ToText(ChinaCalendar.CleanDaysEnd(infection, EpidemicStatus.CleanDays)) : null,
        });
    }
}
