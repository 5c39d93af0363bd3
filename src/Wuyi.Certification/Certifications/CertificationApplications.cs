using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wuyi.Certification.Areas;
using Wuyi.Certification.Epidemic;
using Wuyi.Expressions;
using Wuyi.Runtime.Forms;
using Wuyi.Runtime.Instances;
using Wuyi.Runtime.Store;

namespace Wuyi.Certification.Certifications;

/// <summary>
/// Takes applications: checks the area, the self-assessment, that no certification of the area is live and that
/// the area may take part, then starts a <c>certification</c> instance with business key = the area code.
/// </summary>
public sealed class CertificationApplications(RuntimeDbContext runtime, AreaDirectory areas, EpidemicStatus epidemic,
    InstanceTransitions transitions, TaskForms forms, IOptions<CertificationOptions> options)
{
    /// <summary>The start form an application is checked against (<c>workflows/forms/application.form</c>).</summary>
    public const string ApplicationForm = "application";

    /// <summary>Applies; the caller runs the pending work afterwards.</summary>
    public async Task<ApplicationOutcome> ApplyAsync(CertificationApplication application, string actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(application.AreaCode))
            return ApplicationOutcome.Refused(400, "areaCode is required: the village, community or compound that applies.");
        if (Criteria.Problem("selfAssessment", application.SelfAssessment) is { } criteriaProblem)
            return ApplicationOutcome.Refused(400, criteriaProblem);
        if (await ApplicationFormProblemsAsync(application, cancellationToken) is { Count: > 0 } errors)
            return ApplicationOutcome.Refused(400, $"The application does not fit its form ({ApplicationForm}): {string.Join(" ", errors.SelectMany(e => e.Value))}")
                with { Errors = errors };
        var settings = options.Value;
        if (!IsoDuration.TryParse(settings.SpotCheckInterval, out var interval) || !interval.TryAddTo(DateTimeOffset.UnixEpoch, out var end)
            || end <= DateTimeOffset.UnixEpoch)
            throw new InvalidOperationException($"{CertificationOptions.Section}:SpotCheckInterval must be a positive ISO 8601 duration, not '{settings.SpotCheckInterval}'");
        var area = await areas.FindAsync(application.AreaCode, cancellationToken);
        if (area is null)
            return ApplicationOutcome.Refused(404, $"areaCode '{application.AreaCode}' is not a known village, community or compound.");
        var previous = await runtime.Instances.AsNoTracking()
            .Where(i => i.ProcessKey == CertificationProcess.Key && i.BusinessKey == area.Code)
            .Select(i => new { i.Id, i.EndedAt }).ToListAsync(cancellationToken);
        if (previous.FirstOrDefault(p => p.EndedAt is null) is { } live)
            return ApplicationOutcome.Refused(409, $"{area.Name} ({area.Code}) already has a live certification ({live.Id}); it may apply again once that ends.");
        var eligibility = await epidemic.CheckAsync(area.Code, cancellationToken);
        if (!eligibility.Eligible)
            return ApplicationOutcome.Refused(422, $"{area.Name} ({area.Code}) may not take part now: {eligibility.Reason}.");

        var intervalDays = Math.Max(1, (int)(end - DateTimeOffset.UnixEpoch).TotalDays);
        // The engine has no randomness: the domain picks the first spot-check's offset, spreading the checks of all areas.
        var offsetDays = Random.Shared.Next(1, intervalDays + 1);
        var variables = new Dictionary<string, object?>
        {
            ["areaCode"] = area.Code, ["areaName"] = area.Name, ["areaType"] = area.Type,
            ["townshipCode"] = area.TownshipCode, ["countyCode"] = area.CountyCode, ["cityCode"] = area.CityCode, ["provinceCode"] = area.ProvinceCode,
            ["lastInfectionAt"] = eligibility.LastInfectionAt is { } last ? IsoDate.ToText(last) : null,
            ["selfAssessment"] = application.SelfAssessment!.ToDictionary(c => c.Key, c => (object?)c.Value),
            ["inHighRiskZone"] = application.InHighRiskZone ?? false,
            ["spotCheckMode"] = settings.SpotCheckMode,
            ["spotCheckInterval"] = settings.SpotCheckInterval,
            ["spotCheckOffset"] = string.Create(CultureInfo.InvariantCulture, $"P{offsetDays}D"),
        };
        if (application.ContactPerson is { } contact)
            variables["contactPerson"] = new Dictionary<string, object?> { ["name"] = contact.Name, ["phone"] = contact.Phone };
        // One id per area and attempt: two racing applications make the same id, and the second changes nothing.
        var instanceId = string.Create(CultureInfo.InvariantCulture, $"cert-{area.Code}-{previous.Count + 1}");
        var outcome = await transitions.StartAsync(new StartInstanceRequest(CertificationProcess.Key, area.Code, variables, actor, instanceId),
            cancellationToken);
        return outcome.Status switch
        {
            TransitionStatus.Applied => new ApplicationOutcome(outcome.InstanceId, 201, null),
            TransitionStatus.Duplicate => ApplicationOutcome.Refused(409, $"{area.Name} ({area.Code}) already has a live certification ({outcome.InstanceId})."),
            _ => ApplicationOutcome.Refused(422, $"the certification could not start: {outcome.Refusal}"),
        };
    }

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
