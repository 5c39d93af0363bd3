using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Wuyi.Certification.Persistence;
using Wuyi.Runtime.Instances;
using Wuyi.Runtime.Store;

namespace Wuyi.Certification.Certifications;

/// <summary>
/// Keeps the <c>certifications</c> status table in step inside the very transaction that changes a certification
/// instance (a whole fan-out batch at once), so lists and the public registry read it as it is, with no catch-up: a
/// committed suspension is listed as suspended, and a rolled-back one never was.
/// </summary>
internal sealed class CertificationStatusRows(IServiceScopeFactory scopes) : ITransitionObserver
{
    public async Task OnCommittingAsync(RuntimeDbContext db, IReadOnlyList<CommittedTransition> transitions, CancellationToken cancellationToken)
    {
        var ours = transitions.Where(t => t.ProcessKey == CertificationProcess.Key).ToList();
        if (ours.Count == 0)
            return;
        // Our own context on the runtime's connection and transaction: one commit for both modules' rows.
        await using var scope = scopes.CreateAsyncScope();
        var certifications = scope.ServiceProvider.GetRequiredService<CertificationDbContext>();
        certifications.Database.SetDbConnection(db.Database.GetDbConnection(), contextOwnsConnection: false);
        await certifications.Database.UseTransactionAsync(db.Database.CurrentTransaction!.GetDbTransaction(), cancellationToken);
        var ids = ours.Select(t => t.InstanceId).ToList();
        var rows = await certifications.Certifications.Where(c => ids.Contains(c.InstanceId)).ToDictionaryAsync(c => c.InstanceId, cancellationToken);
        foreach (var t in ours)
            CertificationProjection.Project(certifications, rows, t.InstanceId, t.BusinessKey, t.After.Variables,
                InstanceStatusNames.Of(t.After.Status), t.CreatedAt, t.EndedAt, t.Revision);
        await certifications.SaveChangesAsync(cancellationToken);
    }
}
