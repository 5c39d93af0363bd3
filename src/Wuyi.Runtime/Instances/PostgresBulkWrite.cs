using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Wuyi.Runtime.Store;

namespace Wuyi.Runtime.Instances;

/// <summary>
/// Writes the steady rows of a whole batch of starts and transitions on PostgreSQL in one round trip: one statement
/// per table, each over arrays (<c>unnest</c>), instead of EF Core's statement per row. The changed instance rows are
/// revision-checked as a set, and a new one whose id exists violates the key: either way the batch throws and the
/// caller rolls it back.
/// </summary>
internal static class PostgresBulkWrite
{
    public static bool Applies(RuntimeDbContext db) => db.Database.IsNpgsql();

    public static async Task WriteAsync(RuntimeDbContext db, IReadOnlyList<InstanceRecord> inserted, IReadOnlyList<InstanceChange> changes,
        IReadOnlyList<StepEffects> effects, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var transaction = (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction();
        await using var commands = new NpgsqlBatch(connection, transaction);

        if (inserted.Count > 0)
            commands.BatchCommands.Add(Command("""
                INSERT INTO instances (id, definition_id, process_key, business_key, region_code, parent_id, status, suspended, state, revision,
                                       created_at, updated_at, ended_at)
                SELECT id, definition_id, process_key, business_key, region_code, parent_id, status, false, state, revision, created_at, updated_at, ended_at
                FROM unnest(@id, @definition, @key, @business, @region, @parent, @status, @state, @revision, @created, @updated, @ended)
                    AS v(id, definition_id, process_key, business_key, region_code, parent_id, status, state, revision, created_at, updated_at, ended_at)
                """,
                Parameter("id", inserted.Select(i => i.Id)),
                new NpgsqlParameter("definition", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = inserted.Select(i => i.DefinitionId).ToArray() },
                Parameter("key", inserted.Select(i => i.ProcessKey)), Parameter("business", inserted.Select(i => i.BusinessKey)),
                Parameter("region", inserted.Select(i => i.RegionCode)), Parameter("parent", inserted.Select(i => i.ParentId)),
                Parameter("status", inserted.Select(i => i.Status)), Parameter("state", inserted.Select(i => i.State)),
                Parameter("revision", inserted.Select(i => i.Revision)), Parameter("created", inserted.Select(i => (DateTimeOffset?)i.CreatedAt)),
                Parameter("updated", inserted.Select(i => (DateTimeOffset?)i.UpdatedAt)), Parameter("ended", inserted.Select(i => i.EndedAt))));
        var updateIndex = commands.BatchCommands.Count;
        if (changes.Count > 0)
            commands.BatchCommands.Add(Command("""
                UPDATE instances AS i SET state = v.state, status = v.status, revision = v.revision, updated_at = v.updated_at, ended_at = v.ended_at
                FROM unnest(@ids, @old, @revision, @state, @status, @updated, @ended) AS v(id, old, revision, state, status, updated_at, ended_at)
                WHERE i.id = v.id AND i.revision = v.old
                """,
                Parameter("ids", changes.Select(c => c.Id)), Parameter("old", changes.Select(c => c.OldRevision)),
                Parameter("revision", changes.Select(c => c.Revision)), Parameter("state", changes.Select(c => c.State)),
                Parameter("status", changes.Select(c => c.Status)), Parameter("updated", changes.Select(c => (DateTimeOffset?)c.UpdatedAt)),
                Parameter("ended", changes.Select(c => c.EndedAt))));

        var removed = effects.SelectMany(e => e.RemovedWaits).ToArray();
        if (removed.Length > 0)
            commands.BatchCommands.Add(Command("DELETE FROM waits WHERE id = ANY(@ids)", Parameter("ids", removed)));

        var waits = effects.SelectMany(e => e.NewWaits).ToList();
        if (waits.Count > 0)
            commands.BatchCommands.Add(Command("""
                INSERT INTO waits (id, instance_id, kind, element_id, name, correlation_key, due_at)
                SELECT * FROM unnest(@id, @instance, @kind, @element, @name, @key, @due)
                """,
                Parameter("id", waits.Select(w => w.Id)), Parameter("instance", waits.Select(w => w.InstanceId)),
                Parameter("kind", waits.Select(w => w.Kind)), Parameter("element", waits.Select(w => w.ElementId)),
                Parameter("name", waits.Select(w => w.Name)), Parameter("key", waits.Select(w => w.CorrelationKey)),
                Parameter("due", waits.Select(w => w.DueAt))));

        // WITH ORDINALITY + ORDER BY: history ids are the global order of events, so keep the batch's order.
        var history = effects.SelectMany(e => e.History).ToList();
        if (history.Count > 0)
            commands.BatchCommands.Add(Command("""
                INSERT INTO history (instance_id, at, type, element_id, actor, data)
                SELECT instance_id, at, type, element_id, actor, data
                FROM unnest(@instance, @at, @type, @element, @actor, @data) WITH ORDINALITY AS v(instance_id, at, type, element_id, actor, data, n)
                ORDER BY n
                """,
                Parameter("instance", history.Select(h => h.InstanceId)), Parameter("at", history.Select(h => (DateTimeOffset?)h.At)),
                Parameter("type", history.Select(h => h.Type)), Parameter("element", history.Select(h => h.ElementId)),
                Parameter("actor", history.Select(h => h.Actor)), Parameter("data", history.Select(h => h.Data))));

        var applied = effects.Select(e => e.Applied).OfType<AppliedStimulusRecord>().ToList();
        if (applied.Count > 0)
            commands.BatchCommands.Add(Command("""
                INSERT INTO applied_stimuli (key, instance_id, actor, applied_at, revision, fingerprint)
                SELECT * FROM unnest(@key, @instance, @actor, @at, @revision, @fingerprint)
                """,
                Parameter("key", applied.Select(a => a.Key)), Parameter("instance", applied.Select(a => a.InstanceId)),
                Parameter("actor", applied.Select(a => a.Actor)), Parameter("at", applied.Select(a => (DateTimeOffset?)a.AppliedAt)),
                Parameter("revision", applied.Select(a => a.Revision)), Parameter("fingerprint", applied.Select(a => a.Fingerprint))));

        // A completed task's row, in the same round trip: over the revision the completion was decided on, when given
        // (a claim by someone else in between makes it miss, and the whole step rolls back).
        var completions = new List<(int Index, string TaskId, bool Checked)>();
        foreach (var e in effects)
            if (e.CompletedTask is var (taskId, outcome, expected))
            {
                completions.Add((commands.BatchCommands.Count, taskId, expected is not null));
                var complete = Command($"""
                    UPDATE user_tasks SET status = 'completed', completed_by = @by, ended_at = @at, outcome = @outcome, revision = revision + 1
                    WHERE id = @id AND status = 'open'{(expected is null ? "" : " AND revision = @revision AND (claimed_by IS NULL OR claimed_by = @by)")}
                    """,
                    new NpgsqlParameter("by", e.Actor), new NpgsqlParameter("at", e.Now.ToUniversalTime()),
                    new NpgsqlParameter("outcome", NpgsqlDbType.Text) { Value = (object?)outcome ?? DBNull.Value }, new NpgsqlParameter("id", taskId));
                if (expected is { } revision)
                    complete.Parameters.Add(new NpgsqlParameter("revision", revision));
                commands.BatchCommands.Add(complete);
            }

        await commands.ExecuteNonQueryAsync(cancellationToken);
        if (changes.Count > 0 && commands.BatchCommands[updateIndex].RecordsAffected != changes.Count)
            throw new RevisionConflictException(string.Join(',', changes.Take(3).Select(c => c.Id)));
        // Checked after the revisions: a completion that lost to another of the same task is a replay, not a claim race.
        foreach (var (index, taskId, _) in completions.Where(c => c.Checked))
            if (commands.BatchCommands[index].RecordsAffected == 0)
                throw new TaskChangedException(taskId);
    }

    private static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    private static NpgsqlParameter Parameter(string name, IEnumerable<string?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() };

    private static NpgsqlParameter Parameter(string name, IEnumerable<int> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = values.ToArray() };

    // timestamptz holds an instant and Npgsql takes only UTC offsets: the same conversion as the EF model's.
    private static NpgsqlParameter Parameter(string name, IEnumerable<DateTimeOffset?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = values.Select(v => v?.ToUniversalTime()).ToArray() };
}
