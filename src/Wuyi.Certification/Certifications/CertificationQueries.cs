using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wuyi.Certification.Areas;
using Wuyi.Certification.Persistence;
using Wuyi.Certification.Regions;
using Wuyi.Engine.State;
using Wuyi.Runtime.Store;

namespace Wuyi.Certification.Certifications;

/// <summary>
/// Read models of certifications: lists and the registry from the <c>certifications</c> table (written with every
/// transition, <see cref="CertificationStatusRows"/>), one certification in full from its instance, its tasks (the review records) and its history.
/// </summary>
public sealed class CertificationQueries(RuntimeDbContext runtime, CertificationDbContext db)
{
    private static readonly string[] CriteriaVariables = ["selfAssessment", "inspectionCriteria"];
    private static readonly string[] BenefitVariables = ["controlLevel", "testingFrequency", "stayInsideRegime", "benefitsSince", "inHighRiskZone"];
    private static readonly string[] RecordVariables =
    [
        "areaType", "contactPerson", "appliedAt", "certifiedAt", "suspendedAt", "restoredAt", "delistedAt", "cancelledAt", "endedAt",
        "observationEndsAt", "lastInfectionAt", "restarts", "openCloseContacts", "restorations", "revisions", "returnedBy",
        "endReason", "endedDuring", "delistedFrom", "cancelledFrom", "eligibilityReason", "inspectionPassed",
        "inspectionFindings", "lastInspectedAt", "rectification", "rectificationPlan", "rectifiedAt", "countEndsAt",
    ];

    private static readonly JsonSerializerOptions ReviewJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The certifications under <paramref name="region"/> (a code prefix) with <paramref name="status"/>, newest first.</summary>
    public async Task<(List<CertificationSummary> Items, int Total)> ListAsync(string? region, string? status, int page, int pageSize,
        CancellationToken cancellationToken)
    {
        var query = Under(db.Certifications.AsNoTracking(), region);
        if (status is not null)
            query = query.Where(c => c.Status == status);
        var total = await query.CountAsync(cancellationToken);
        var records = await query.OrderByDescending(c => c.AppliedAt).ThenBy(c => c.InstanceId).Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return ([.. records.Select(r => new CertificationSummary(r.InstanceId, r.AreaCode, r.AreaName, r.Status, r.AppliedAt, r.CertifiedAt, r.EndedAt))],
            total);
    }

    /// <summary>One certification in full, or null when no certification has <paramref name="id"/>.</summary>
    public async Task<CertificationDetail?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var record = await runtime.Instances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id && i.ProcessKey == CertificationProcess.Key,
            cancellationToken);
        if (record is null)
            return null;
        var state = InstanceStateJson.Deserialize(record.State);
        var variables = state.Variables;
        var tasks = await runtime.UserTasks.AsNoTracking().Where(t => t.InstanceId == id && t.EndedAt == null).OrderBy(t => t.CreatedAt)
            .Select(t => new OpenTaskView(t.Id, t.ElementId, t.Name, t.CandidateGroups, t.DueAt)).ToListAsync(cancellationToken);
        var reviews = await ReviewsAsync(id, cancellationToken);
        var history = await runtime.History.AsNoTracking().Where(h => h.InstanceId == id).OrderBy(h => h.Id).ToListAsync(cancellationToken);
        // Inspections stay out of the certification's own view (their results are in the record once they are done).
        var timeline = history.Where(h => h.ElementId is null || !CertificationProcess.InspectionElements.Contains(h.ElementId))
            .Select(h => new TimelineEntry(h.At, h.Type, h.ElementId, h.Actor, JsonDocument.Parse(h.Data).RootElement.Clone())).ToList();
        var criteria = Pick(variables, CriteriaVariables);
        foreach (var (element, name) in ReviewLevels.All)
            if (reviews.LastOrDefault(r => r.Level == element) is { } latest)
                criteria[name] = JsonSerializer.SerializeToElement(latest, ReviewJson);
        var summary = new CertificationSummary(record.Id, record.BusinessKey ?? "", EngineValues.Text(variables, "areaName"),
            EngineValues.Text(variables, "status") ?? record.Status, record.CreatedAt, EngineValues.Date(variables, "certifiedAt"), record.EndedAt);
        var active = state.ActiveElementIds.Where(e => !CertificationProcess.InspectionElements.Contains(e)).ToList();
        return new CertificationDetail(summary, active, tasks, criteria, Pick(variables, BenefitVariables),
            Pick(variables, RecordVariables), reviews, timeline);
    }

    /// <summary>The areas certified now (and those suspended) under <paramref name="region"/>, by area code.</summary>
    public async Task<List<RegistryEntry>> RegistryAsync(string? region, CancellationToken cancellationToken)
    {
        var listed = await Under(db.Certifications.AsNoTracking(), region).Where(c => CertificationProcess.Listed.Contains(c.Status))
            .OrderBy(c => c.AreaCode).ToListAsync(cancellationToken);
        if (listed.Count == 0)
            return [];
        var needed = listed.SelectMany(i => PathCodes(i.AreaCode)).Distinct().ToList();
        var names = await db.Regions.AsNoTracking().Where(r => needed.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);
        return [.. listed.Select(c => new RegistryEntry(c.AreaCode, c.AreaName, c.Status, c.CertifiedAt, c.Status == "suspended" ? c.SuspendedAt : null,
            [.. PathCodes(c.AreaCode).Where(names.ContainsKey).Select(p => new RegionRef(p, names[p]))],
            new BenefitsView(c.ControlLevel ?? "standard", c.TestingFrequency ?? "standard", c.StayInsideRegime, c.BenefitsSince)))];
    }

    /// <summary>Every completed review of the certification, oldest first, from the task rows (the completion's variables).</summary>
    public async Task<List<ReviewView>> ReviewsAsync(string id, CancellationToken cancellationToken)
    {
        var rows = await runtime.UserTasks.AsNoTracking()
            .Where(t => t.InstanceId == id && t.Status == "completed" && ReviewLevels.Elements.Contains(t.ElementId))
            .Select(t => new { t.Id, t.ElementId, t.CompletedBy, t.EndedAt, t.Outcome, t.CreatedAt }).ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.EndedAt).ThenBy(r => r.CreatedAt).Select(r =>
        {
            using var outcome = JsonDocument.Parse(r.Outcome ?? "{}");
            var values = outcome.RootElement;
            return new ReviewView(r.Id, r.ElementId, Text(values, ReviewForm.DecisionField),
                Object(values, ReviewForm.CriteriaField), Text(values, ReviewForm.CommentsField),
                Object(values, ReviewForm.CriterionCommentsField), r.CompletedBy, r.EndedAt);
        })];
    }

    private static JsonElement? Object(JsonElement values, string name) =>
        values.ValueKind == JsonValueKind.Object && values.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value.Clone() : null;

    private static string? Text(JsonElement values, string name) =>
        values.ValueKind == JsonValueKind.Object && values.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // An area code's prefix as a range, so the (status, area_code) index serves it whatever the database's collation.
    private static IQueryable<CertificationRecord> Under(IQueryable<CertificationRecord> query, string? region)
    {
        if (string.IsNullOrEmpty(region))
            return query;
        query = query.Where(c => string.Compare(c.AreaCode, region) >= 0);
        return RegionCodes.UpperBound(region) is { } upper ? query.Where(c => string.Compare(c.AreaCode, upper) < 0) : query;
    }

    private static IEnumerable<string> PathCodes(string areaCode)
    {
        foreach (var length in (int[])[2, 4, 6, 9, 12])
            if (areaCode.Length > length)
                yield return areaCode[..length];
    }

    private static Dictionary<string, JsonElement?> Pick(IReadOnlyDictionary<string, object?> variables, string[] names) =>
        names.Where(variables.ContainsKey).ToDictionary(n => n, n => EngineValues.ToJson(variables[n]));
}
