using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Wuyi.Certification.Areas;
using Wuyi.Certification.Epidemic;
using Wuyi.Certification.Inspections;
using Wuyi.Expressions;
using Wuyi.Runtime.Forms;
using Wuyi.Runtime.Instances;
using Wuyi.Runtime.Store;

namespace Wuyi.Certification.Certifications;

/// <summary>
/// Takes applications: checks the area, the self-assessment (all seven criteria claimed), that no certification of the
/// area is live and that the area may take part, then starts a <c>certification</c> instance with business key = the area code.
/// </summary>
public sealed class CertificationApplications(RuntimeDbContext runtime, AreaDirectory areas, EpidemicStatus epidemic,
    InstanceTransitions transitions, InspectionPolicies policies, IInspectionDraws draws, TaskForms forms)
{
    /// <summary>The start form an application is checked against (<c>workflows/forms/application.form</c>).</summary>
    public const string ApplicationForm = "application";

    /// <summary>Applies (what the application caused is carried out before this returns).</summary>
    public async Task<ApplicationOutcome> ApplyAsync(CertificationApplication application, string actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(application.AreaCode))
            return Refused(RefusalKind.Invalid, "areaCode is required: the village, community or compound that applies.");
        if (Criteria.Problem("selfAssessment", application.SelfAssessment) is { } criteriaProblem)
            return Refused(RefusalKind.Invalid, criteriaProblem);
        // The area's own judgement counts: an area that does not claim all seven criteria does not meet the standard.
        var lacking = Criteria.Keys.Where(k => !application.SelfAssessment![k]).ToList();
        if (lacking.Count > 0)
            return Refused(RefusalKind.Unprocessable,
                $"selfAssessment does not claim every criterion of the standard (创建标准): lacking {string.Join(", ", lacking)}.");
        if (await ApplicationFormProblemsAsync(application, cancellationToken) is { Count: > 0 } errors)
            return Refused(RefusalKind.Invalid,
                $"The application does not fit its form ({ApplicationForm}): {string.Join(" ", errors.SelectMany(e => e.Value))}") with { Errors = errors };
        var area = await areas.FindAsync(application.AreaCode, cancellationToken);
        if (area is null)
            return Refused(RefusalKind.NotFound, $"areaCode '{application.AreaCode}' is not a known village, community or compound.");
        var previous = await runtime.Instances.AsNoTracking()
            .Where(i => i.ProcessKey == CertificationProcess.Key && i.BusinessKey == area.Code)
            .Select(i => new { i.Id, i.EndedAt }).ToListAsync(cancellationToken);
        if (previous.FirstOrDefault(p => p.EndedAt is null) is { } live)
            return Refused(RefusalKind.Conflict, $"{area.Name} ({area.Code}) already has a live certification ({live.Id}); it may apply again once that ends.");
        var eligibility = await epidemic.CheckAsync(area.Code, cancellationToken);
        if (!eligibility.Eligible)
            return Refused(RefusalKind.Unprocessable, $"{area.Name} ({area.Code}) may not take part now: {eligibility.Reason}.");

        // One id per area and attempt: two racing applications make the same id, and the second changes nothing.
        var instanceId = string.Create(CultureInfo.InvariantCulture, $"cert-{area.Code}-{previous.Count + 1}");
        var policy = await policies.CurrentAsync(cancellationToken);
        // The engine has no randomness: the domain draws the first spot-check's offset, spreading the checks of all areas.
        var offsetDays = draws.FirstCheckDay(instanceId, policy.FirstCheckWithinDays);
        var zone = await epidemic.RiskZoneAsync(area.Code, cancellationToken);
        var variables = new Dictionary<string, object?>
        {
            ["areaCode"] = area.Code, ["areaName"] = area.Name, ["areaType"] = area.Type,
            ["townshipCode"] = area.TownshipCode, ["countyCode"] = area.CountyCode, ["cityCode"] = area.CityCode, ["provinceCode"] = area.ProvinceCode,
            ["lastInfectionAt"] = eligibility.LastInfectionAt is { } last ? IsoDate.ToText(last) : null,
            ["selfAssessment"] = application.SelfAssessment!.ToDictionary(c => c.Key, c => (object?)c.Value),
            // The signalled zone wins; the application's own word stands only where none was signalled.
            ["inHighRiskZone"] = zone == RiskZones.High || (application.InHighRiskZone ?? false),
            ["spotCheckMode"] = policy.CovertShare >= 0.5 ? "covert" : "open",
            ["spotCheckInterval"] = string.Create(CultureInfo.InvariantCulture, $"P{policy.IntervalDays}D"),
            ["spotCheckOffset"] = string.Create(CultureInfo.InvariantCulture, $"P{offsetDays}D"),
        };
        if (application.ContactPerson is { } contact)
            variables["contactPerson"] = new Dictionary<string, object?> { ["name"] = contact.Name, ["phone"] = contact.Phone };
        var outcome = await transitions.StartAsync(
            new StartInstanceRequest(CertificationProcess.Key, area.Code, variables, actor, instanceId) { Initiator = actor }, cancellationToken);
        return outcome.Status switch
        {
            TransitionStatus.Applied => new ApplicationOutcome(outcome.InstanceId, null),
            TransitionStatus.Duplicate => Refused(RefusalKind.Conflict, $"{area.Name} ({area.Code}) already has a live certification ({outcome.InstanceId})."),
            _ => Refused(RefusalKind.Unprocessable, $"the certification could not start: {outcome.Refusal}"),
        };
    }

    private static ApplicationOutcome Refused(RefusalKind kind, string message) => new(null, new Refusal(kind, message));

    // The start form, as for a task: the newest deployed version; none deployed, nothing to check.
    private async Task<IReadOnlyDictionary<string, string[]>> ApplicationFormProblemsAsync(CertificationApplication application,
        CancellationToken cancellationToken)
    {
        if (await forms.FindAsync(ApplicationForm, DateTimeOffset.MaxValue, cancellationToken) is not { } form)
            return new Dictionary<string, string[]>();
        var submitted = new Dictionary<string, object?>
        {
            ["areaCode"] = application.AreaCode,
            ["selfAssessment"] = application.SelfAssessment?.ToDictionary(c => c.Key, c => (object?)c.Value),
        };
        if (application.InHighRiskZone is { } zone)
            submitted["inHighRiskZone"] = zone;
        if (application.ContactPerson is { } contact)
            submitted["contactPerson"] = new Dictionary<string, object?> { ["name"] = contact.Name, ["phone"] = contact.Phone };
        return FormValidation.Validate(form.Schema, submitted);
    }
}
