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
/// It runs on every list and registry read (so reads see every committed transition) and in the background.
/// </summary>
/// <remarks>
/// Finding the stale rows compares revisions over all certification instances (one join, no state read): cheap for a
/// province (3,296 areas), not for 620,000. The runtime hook asked for in docs/architecture.md (a callback inside the
/// transition's transaction) would make it one row write per transition and this catch-up only a repair.
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
        {
            var variables = InstanceStateJson.Deserialize(instance.State).Variables;
            var status = EngineValues.Text(variables, "status") ?? instance.Status;
            if (!rows.TryGetValue(instance.Id, out var row))
            {
                row = new CertificationRecord
                {
                    InstanceId = instance.Id, AreaCode = instance.BusinessKey ?? "", Status = status, AppliedAt = instance.CreatedAt,
                };
                db.Certifications.Add(row);
            }
            else if (row.Revision >= instance.Revision)
                continue;
            row.AreaName = EngineValues.Text(variables, "areaName");
            row.Status = status;
            row.CertifiedAt = EngineValues.Date(variables, "certifiedAt");
            row.SuspendedAt = EngineValues.Date(variables, "suspendedAt");
            row.EndedAt = instance.EndedAt;
            row.Revision = instance.Revision;
            changed++;
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return changed;
    }
}
