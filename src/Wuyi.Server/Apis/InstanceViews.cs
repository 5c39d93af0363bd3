using Microsoft.EntityFrameworkCore;
using Wuyi.Engine.State;
using Wuyi.Runtime.Store;
using Wuyi.Server.Apis.Contracts;

namespace Wuyi.Server.Apis;

/// <summary>Builds <see cref="InstanceView"/>s from instance rows: versions, cancellation and incidents in a few queries per page.</summary>
internal static class InstanceViews
{
    // A call chain deeper than this is a modelling accident; the view stops looking for incidents there.
    private const int MaxCallDepth = 16;

    public static async Task<InstanceView?> FindAsync(RuntimeDbContext db, string id, CancellationToken cancellationToken)
    {
        var record = await db.Instances.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (record is null)
            return null;
        // A child's incident is visible from its parent: gather the open incidents of the whole call tree.
        var tree = new List<string> { id };
        var level = new List<string> { id };
        for (var depth = 0; depth < MaxCallDepth && level.Count > 0; depth++)
        {
            var current = level;
            level = await db.Instances.AsNoTracking().Where(i => i.ParentId != null && current.Contains(i.ParentId))
                .Select(i => i.Id).ToListAsync(cancellationToken);
            tree.AddRange(level);
        }
        var views = await BuildAsync(db, [record], tree, cancellationToken);
        return views[0];
    }

    public static Task<List<InstanceView>> BuildAsync(RuntimeDbContext db, IReadOnlyList<InstanceRecord> records, CancellationToken cancellationToken) =>
        BuildAsync(db, records, [.. records.Select(r => r.Id)], cancellationToken);

    private static async Task<List<InstanceView>> BuildAsync(RuntimeDbContext db, IReadOnlyList<InstanceRecord> records,
        List<string> incidentScope, CancellationToken cancellationToken)
    {
        var definitionIds = records.Select(r => r.DefinitionId).Distinct().ToList();
        var versions = await db.Definitions.AsNoTracking().Where(d => definitionIds.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, d => d.Version, cancellationToken);
        // An instance is cancelled when the cancel stimulus (key cancel:{id}) was applied to it.
        var cancelKeys = records.Select(r => $"cancel:{r.Id}").ToList();
        var cancelled = (await db.AppliedStimuli.AsNoTracking().Where(s => cancelKeys.Contains(s.Key))
            .Select(s => s.InstanceId).ToListAsync(cancellationToken)).ToHashSet();
        var incidents = await db.Incidents.AsNoTracking().Where(i => i.ResolvedAt == null && incidentScope.Contains(i.InstanceId))
            .OrderBy(i => i.Id).ToListAsync(cancellationToken);
        var single = records.Count == 1;
        return [.. records.Select(r =>
        {
            var (active, variables) = Readable(r.State);
            var own = incidents.Where(i => single || i.InstanceId == r.Id).Select(IncidentView.Of).ToList();
            return new InstanceView(r.Id, r.ProcessKey, versions.GetValueOrDefault(r.DefinitionId), r.BusinessKey, r.RegionCode, r.Status,
                active, variables, r.ParentId, r.Suspended, cancelled.Contains(r.Id),
                r.Revision, r.CreatedAt, r.UpdatedAt, r.EndedAt, own);
        })];
    }

    // One row whose stored state cannot be read must not fail a whole list: it is shown without its state (its
    // incident, raised when the runtime met it, says why).
    private static (IReadOnlyList<string> Active, System.Text.Json.JsonElement Variables) Readable(string stored)
    {
        try
        {
            var state = InstanceStateJson.Deserialize(stored);
            return (state.ActiveElementIds, RequestVariables.ToElement(state.Variables));
        }
        catch (System.Text.Json.JsonException)
        {
            return ([], RequestVariables.ToElement(new Dictionary<string, object?>()));
        }
    }
}
