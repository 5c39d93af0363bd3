using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wuyi.Certification.Areas;
using Wuyi.Certification.Persistence;
using Wuyi.Certification.Regions;
using Wuyi.Engine.State;
using Wuyi.Runtime.Store;

namespace Wuyi.Certification.Certifications;

/// <summary>Read models of certifications, from the instances, their tasks and their history.</summary>
public sealed class CertificationQueries(RuntimeDbContext runtime, CertificationDbContext db)
{
    private static readonly string[] CriteriaVariables = ["selfAssessment", "townshipReview", "countyAssessment", "provincialFiling", "inspectionCriteria"];
    private static readonly string[] BenefitVariables = ["testingFrequency", "stayInsideRegime"];
    private static readonly string[] RecordVariables =
    [
        "areaType", "contactPerson", "appliedAt", "certifiedAt", "suspendedAt", "restoredAt", "delistedAt", "cancelledAt", "endedAt",
        "observationEndsAt", "lastInfectionAt", "restarts", "openCloseContacts", "restorations", "revisions", "returnedBy", "reviewComments",
        "decision", "criteriaMet", "endReason", "endedDuring", "delistedFrom", "cancelledFrom", "eligibilityReason", "inspectionPassed",
        "inspectionFindings", "lastInspectedAt", "rectification", "rectificationPlan", "rectifiedAt", "inHighRiskZone", "spotCheckMode",
        "spotCheckInterval", "spotCheckOffset",
    ];

    /// <summary>The certifications under <paramref name="region"/> (a code prefix) with <paramref name="status"/>, newest first.</summary>
    public async Task<(List<CertificationSummary> Items, int Total)> ListAsync(string? region, string? status, int page, int pageSize,
        CancellationToken cancellationToken)
    {
        var query = runtime.Instances.AsNoTracking().Where(i => i.ProcessKey == CertificationProcess.Key);
        if (!string.IsNullOrEmpty(region))
            query = query.Where(i => i.RegionCode != null && i.RegionCode.StartsWith(region));
        if (status is null)
        {
            var total = await query.CountAsync(cancellationToken);
            var records = await query.OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id).Skip((page - 1) * pageSize).Take(pageSize)
                .ToListAsync(cancellationToken);
            return ([.. records.Select(r => Summary(r, InstanceStateJson.Deserialize(r.State).Variables))], total);
        }
        // The status lives in the state document: read it (a column for it is the runtime's to add when lists grow).
        var all = await query.OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id).ToListAsync(cancellationToken);
        var matching = all.Select(r => Summary(r, InstanceStateJson.Deserialize(r.State).Variables)).Where(s => s.Status == status).ToList();
        return ([.. matching.Skip((page - 1) * pageSize).Take(pageSize)], matching.Count);
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
        var history = await runtime.History.AsNoTracking().Where(h => h.InstanceId == id).OrderBy(h => h.Id).ToListAsync(cancellationToken);
        var timeline = history.Select(h => new TimelineEntry(h.At, h.Type, h.ElementId, h.Actor, JsonDocument.Parse(h.Data).RootElement.Clone())).ToList();
        return new CertificationDetail(Summary(record, variables), [.. state.ActiveElementIds], tasks,
            Pick(variables, CriteriaVariables), Pick(variables, BenefitVariables), Pick(variables, RecordVariables), timeline);
    }

    /// <summary>The areas certified now (and those suspended) under <paramref name="region"/>, by area code.</summary>
    public async Task<List<RegistryEntry>> RegistryAsync(string? region, CancellationToken cancellationToken)
    {
        var query = runtime.Instances.AsNoTracking().Where(i => i.ProcessKey == CertificationProcess.Key && i.EndedAt == null);
        if (!string.IsNullOrEmpty(region))
            query = query.Where(i => i.RegionCode != null && i.RegionCode.StartsWith(region));
        var live = await query.Select(i => new { i.BusinessKey, i.State }).ToListAsync(cancellationToken);
        var listed = live.Select(i => (AreaCode: i.BusinessKey ?? "", Variables: InstanceStateJson.Deserialize(i.State).Variables))
            .Select(i => (i.AreaCode, i.Variables, Status: EngineValues.Text(i.Variables, "status") ?? ""))
            .Where(i => CertificationProcess.Listed.Contains(i.Status)).OrderBy(i => i.AreaCode, StringComparer.Ordinal).ToList();
        if (listed.Count == 0)
            return [];
        var needed = listed.SelectMany(i => PathCodes(i.AreaCode)).Distinct().ToList();
        var names = await db.Regions.AsNoTracking().Where(r => r.Level != RegionLevel.Village || needed.Contains(r.Code))
            .Where(r => needed.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);
        return [.. listed.Select(i => new RegistryEntry(i.AreaCode, EngineValues.Text(i.Variables, "areaName"), i.Status,
            EngineValues.Date(i.Variables, "certifiedAt"), i.Status == "suspended" ? EngineValues.Date(i.Variables, "suspendedAt") : null,
            [.. PathCodes(i.AreaCode).Where(names.ContainsKey).Select(c => new RegionRef(c, names[c]))]))];
    }

    private static IEnumerable<string> PathCodes(string areaCode)
    {
        foreach (var length in (int[])[2, 4, 6, 9, 12])
            if (areaCode.Length > length)
                yield return areaCode[..length];
    }

    private static CertificationSummary Summary(InstanceRecord record, IReadOnlyDictionary<string, object?> variables) =>
        new(record.Id, record.BusinessKey ?? "", EngineValues.Text(variables, "areaName"), EngineValues.Text(variables, "status") ?? record.Status,
            record.CreatedAt, EngineValues.Date(variables, "certifiedAt"), record.EndedAt);

    private static Dictionary<string, JsonElement?> Pick(IReadOnlyDictionary<string, object?> variables, string[] names) =>
        names.Where(variables.ContainsKey).ToDictionary(n => n, n => EngineValues.ToJson(variables[n]));
}
