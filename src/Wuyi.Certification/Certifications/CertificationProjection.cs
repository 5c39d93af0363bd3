using Microsoft.EntityFrameworkCore;
using Wuyi.Certification.Persistence;
using Wuyi.Engine.State;
using Wuyi.Runtime.Store;

namespace Wuyi.Certification.Certifications;

/// <summary>
/// Keeps the <c>certifications</c> table in step with the certification instances. The certification status is a
/// process variable inside the instance's state; this reads the states whose revision the table has not seen and
/// writes their status and dates. Each row is a function of one instance revision and never goes back to an older
/// one, so running it twice, on two nodes at once, or again after a crash between an instance's commit and its
/// projection changes nothing: the table is exactly what the committed states say once a catch-up has run.
/// Every transition already writes its row in its own transaction (<see cref="CertificationStatusRows"/>); this
/// catch-up is the repair for what that cannot see — instances from before the table existed, a row lost by hand, an
/// administrator's suspend or resume (which moves the revision, not the status) — run by each node in the background.
/// </summary>
/// <remarks>
/// Finding the stale rows compares revisions over all certification instances (one join, no state read): cheap for a
/// province (3,296 areas, ~5 ms), which is why it is no longer on the read path.
/// </remarks>
public sealed class CertificationProjection(RuntimeDbContext runtime, CertificationDbContext db)
{
    /// <summary>How many instances one round reads and writes.</summary>
    public const int BatchSize = 500;

    private const int MaxAttempts = 5;

    /// <summary>Projects every certification instance whose revision the table has not seen; returns how many rows changed.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        var changed = 0;
        for (var attempt = 1; ; )
        {
            var stale = await StaleAsync(cancellationToken);
            if (stale.Count == 0)
                return changed;
            try
            {
                changed += await ProjectAsync(stale, cancellationToken);
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // Another node projected some of these rows first (a newer revision, or the same row inserted): look again.
                db.ChangeTracker.Clear();
                attempt++;
            }
        }
    }

    // Instances never projected, or projected from an older revision. Raw SQL: the join spans the runtime's table and
    // ours (same database, two modules' contexts), and reads no state document.
    private Task<List<string>> StaleAsync(CancellationToken cancellationToken) =>
        db.Database.SqlQuery<string>($"""
            SELECT i.id AS "Value" FROM instances AS i
            LEFT JOIN certifications AS c ON c.instance_id = i.id
            WHERE i.process_key = {CertificationProcess.Key} AND (c.instance_id IS NULL OR c.revision < i.revision)
            LIMIT {BatchSize}
            """).ToListAsync(cancellationToken);

    private async Task<int> ProjectAsync(List<string> ids, CancellationToken cancellationToken)
    {
        var instances = await runtime.Instances.AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, i.BusinessKey, i.Status, i.State, i.Revision, i.CreatedAt, i.EndedAt }).ToListAsync(cancellationToken);
        var rows = await db.Certifications.Where(c => ids.Contains(c.InstanceId)).ToDictionaryAsync(c => c.InstanceId, cancellationToken);
        var changed = 0;
        foreach (var instance in instances)
            if (Project(db, rows, instance.Id, instance.BusinessKey, InstanceStateJson.Deserialize(instance.State).Variables, instance.Status,
                    instance.CreatedAt, instance.EndedAt, instance.Revision))
                changed++;
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return changed;
    }

    /// <summary>
    /// Brings the row of one certification instance to <paramref name="revision"/> (adding it to <paramref name="db"/> when
    /// missing); a row already at that revision or a newer one is left alone. Returns whether the row changed.
    /// </summary>
    internal static bool Project(CertificationDbContext db, Dictionary<string, CertificationRecord> rows, string instanceId, string? businessKey,
        IReadOnlyDictionary<string, object?> variables, string engineStatus, DateTimeOffset createdAt, DateTimeOffset? endedAt, int revision)
    {
        var status = EngineValues.Text(variables, "status") ?? engineStatus;
        if (!rows.TryGetValue(instanceId, out var row))
        {
            row = new CertificationRecord { InstanceId = instanceId, AreaCode = businessKey ?? "", Status = status, AppliedAt = createdAt };
            db.Certifications.Add(row);
            rows[instanceId] = row;
        }
        else if (row.Revision >= revision)
            return false;
        row.AreaName = EngineValues.Text(variables, "areaName");
        row.Status = status;
        row.CertifiedAt = EngineValues.Date(variables, "certifiedAt");
        row.SuspendedAt = EngineValues.Date(variables, "suspendedAt");
        row.ControlLevel = EngineValues.Text(variables, "controlLevel");
        row.TestingFrequency = EngineValues.Text(variables, "testingFrequency");
        row.StayInsideRegime = variables.TryGetValue("stayInsideRegime", out var stayInside) && stayInside is true;
        row.BenefitsSince = EngineValues.Date(variables, "benefitsSince");
        row.EndedAt = endedAt;
        row.Revision = revision;
        return true;
    }
}
