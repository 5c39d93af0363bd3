using Microsoft.EntityFrameworkCore;
using Wuyi.Runtime.Store;

namespace Wuyi.Runtime.Instances;

/// <summary>A step's new instance row, to be written only if the row is still at <paramref name="OldRevision"/>.</summary>
internal sealed record InstanceChange(string Id, int OldRevision, int Revision, string State, string Status, DateTimeOffset UpdatedAt,
    DateTimeOffset? EndedAt)
{
    /// <summary>Writes it through EF Core; another writer's revision in between is a <see cref="RevisionConflictException"/>.</summary>
    public async Task WriteAsync(RuntimeDbContext db, CancellationToken cancellationToken)
    {
        var updated = await db.Instances.Where(i => i.Id == Id && i.Revision == OldRevision)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.State, State).SetProperty(i => i.Status, Status)
                .SetProperty(i => i.Revision, Revision).SetProperty(i => i.UpdatedAt, UpdatedAt).SetProperty(i => i.EndedAt, EndedAt), cancellationToken);
        if (updated == 0)
            throw new RevisionConflictException(Id);
    }
}
