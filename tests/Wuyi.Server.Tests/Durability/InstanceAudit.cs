using System.Text.Json;
using Npgsql;

namespace Wuyi.Server.Tests.Durability;

/// <summary>
/// Checks, after the load, that every instance is what its stimuli should have made of it — through the API
/// (state, revision, history, tasks) and in the tables behind it (applied stimuli, leftover waits, outbox,
/// buffered messages, incidents) — and collects every discrepancy rather than stopping at the first.
/// </summary>
internal sealed class InstanceAudit(LoadDriver driver, string database)
{
    public List<string> Failures { get; } = [];

    /// <summary>The history of a completed run as a multiset of <c>type|element</c>, independent of interleaving.</summary>
    public static Dictionary<string, int> Signature(IEnumerable<JsonElement> history) =>
        history.GroupBy(e => $"{Text(e, "type")}|{Text(e, "element")}").ToDictionary(g => g.Key, g => g.Count());

    /// <summary>Drives one instance of <paramref name="model"/> to its end with no crash and returns its history's signature.</summary>
    public static async Task<Dictionary<string, int>> ReferenceAsync(LoadDriver driver, DurabilityModel model, CancellationToken cancellationToken)
    {
        var businessKey = $"reference-{model.Key}";
        var id = await driver.StartAsync(model.Key, businessKey, businessKey, null, cancellationToken);
        await driver.DriveAsync(id, businessKey, model, new Random(1), cancellationToken);
        return Signature(await driver.HistoryAsync(id, cancellationToken));
    }

    /// <summary>Audits one instance through the API.</summary>
    public async Task InstanceAsync(string id, DurabilityModel model, Dictionary<string, int> reference, CancellationToken cancellationToken)
    {
        var view = await driver.InstanceAsync(id, cancellationToken);
        var state = view.GetProperty("state").GetString();
        if (state != "completed")
            Fail(id, $"state {state}, active [{string.Join(", ", view.GetProperty("active").EnumerateArray())}] (expected completed)");
        var revision = view.GetProperty("revision").GetInt32();
        if (revision != 1 + model.Stimuli)
            Fail(id, $"revision {revision}: {revision - 1} stimuli applied after the start, expected {model.Stimuli}");

        var history = await driver.HistoryAsync(id, cancellationToken);
        var signature = Signature(history);
        foreach (var key in signature.Keys.Union(reference.Keys).Order(StringComparer.Ordinal))
        {
            var (got, want) = (signature.GetValueOrDefault(key), reference.GetValueOrDefault(key));
            if (got != want)
                Fail(id, $"history has {got}× {key}, the crash-free reference run has {want}×");
        }
        Once(id, history, "instance-started", null);
        foreach (var task in model.UserTasks)
            Once(id, history, "task-created", task);
        if (model.Timer is { } timer)
            Once(id, history, "timer-fired", timer);
        if (model.Message is { } message)
            Once(id, history, "message-correlated", message);
        Once(id, history, "instance-completed", null);

        var tasks = await driver.TasksAsync(id, null, cancellationToken);
        foreach (var element in model.UserTasks)
        {
            var mine = tasks.Where(t => t.GetProperty("elementId").GetString() == element).ToList();
            if (mine.Count != 1)
                Fail(id, $"{mine.Count} tasks for user task {element} (expected 1): {string.Join(", ", mine.Select(t => t.GetProperty("id")))}");
            foreach (var t in mine.Where(t => t.GetProperty("state").GetString() != "completed"))
                Fail(id, $"task {t.GetProperty("id")} is {t.GetProperty("state")}");
        }
    }

    /// <summary>Audits the tables: per-instance applied stimuli, and nothing left behind.</summary>
    public async Task TablesAsync(IReadOnlyCollection<string> ids, IReadOnlyDictionary<string, int> instancesPerProcess, int stimuliPerInstance,
        CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(cancellationToken);
        var applied = await ScalarsAsync(connection,
            "SELECT instance_id, count(*) FROM applied_stimuli WHERE instance_id = ANY(@ids) GROUP BY instance_id", ids, cancellationToken);
        foreach (var id in ids.Where(i => applied.GetValueOrDefault(i) != stimuliPerInstance))
            Fail(id, $"{applied.GetValueOrDefault(id)} applied stimuli recorded (expected {stimuliPerInstance})");
        var perProcess = await ScalarsAsync(connection, "SELECT process_key, count(*) FROM instances GROUP BY process_key", null, cancellationToken);
        foreach (var (key, expected) in instancesPerProcess)
            if (perProcess.GetValueOrDefault(key) != expected)
                Failures.Add($"process {key}: {perProcess.GetValueOrDefault(key)} instances in the table, {expected} were started (idempotent starts doubled or lost?)");
        foreach (var (what, sql) in new (string, string)[]
        {
            ("waits left behind", "SELECT instance_id || ' ' || kind || ' ' || element_id || ' claimed by ' || coalesce(claimed_by, '-') FROM waits"),
            ("outbox rows not done", "SELECT instance_id || ' ' || kind || ' ' || status FROM outbox WHERE status <> 'done'"),
            ("buffered messages", "SELECT message_id || ' ' || name || ' ' || coalesce(correlation_key, '-') FROM buffered_messages"),
            ("incidents", "SELECT instance_id || ' ' || element_id || ': ' || message FROM incidents"),
            ("open tasks", "SELECT id || ' ' || element_id FROM user_tasks WHERE status <> 'completed'"),
        })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var rows = new List<string>();
            while (await reader.ReadAsync(cancellationToken))
                rows.Add(reader.GetString(0));
            if (rows.Count > 0)
                Failures.Add($"{rows.Count} {what}: {string.Join("; ", rows.Take(10))}");
        }
    }

    private void Once(string id, List<JsonElement> history, string type, string? element)
    {
        var count = history.Count(e => Text(e, "type") == type && (element is null || Text(e, "element") == element));
        if (count != 1)
            Fail(id, $"{count}× {type}{(element is null ? "" : $" at {element}")} (expected exactly 1)");
    }

    private void Fail(string id, string what)
    {
        lock (Failures)
            Failures.Add($"{id}: {what}");
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static async Task<Dictionary<string, long>> ScalarsAsync(NpgsqlConnection connection, string sql, IReadOnlyCollection<string>? ids,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (ids is not null)
            command.Parameters.AddWithValue("ids", ids.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var result = new Dictionary<string, long>();
        while (await reader.ReadAsync(cancellationToken))
            result[reader.GetString(0)] = reader.GetInt64(1);
        return result;
    }
}
