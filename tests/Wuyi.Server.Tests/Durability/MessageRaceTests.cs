using System.Diagnostics;
using Npgsql;
using Wuyi.Testing;
using Xunit.Abstractions;

namespace Wuyi.Server.Tests.Durability;

/// <summary>
/// A message that arrives while its wait is being created must not be lost: either it correlates with the new
/// wait, or it is buffered and delivered to it. Here each instance's task is completed (which creates the
/// message wait) at the same moment as the message is sent.
/// </summary>
[Collection(DurabilityCollection.Name)]
public sealed class MessageRaceTests(ITestOutputHelper output)
{
    private const int Seed = 3_2026_1129;
    private const int Instances = 100;

    [Fact]
    public async Task MessageSentAsItsWaitAppears_EveryInstance_ReceivesItExactlyOnce()
    {
        var database = PostgresServer.Instance.CreateDatabase("race");
        using var server = await ServerProcess.StartAsync("node", database);
        using var driver = new LoadDriver([server], concurrency: 16);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var token = deadline.Token;
        var clock = Stopwatch.StartNew();
        var model = DurabilityModels.Race;
        await driver.DeployAsync(model.Xml, token);
        var reference = await InstanceAudit.ReferenceAsync(driver, model, token);

        var ids = new string[Instances];
        await Task.WhenAll(Enumerable.Range(0, Instances).Select(async i =>
        {
            var random = new Random(Seed + i);
            var businessKey = $"race-{i}";
            ids[i] = await driver.StartAsync(model.Key, businessKey, businessKey, null, token);
            var task = (await driver.TasksAsync(ids[i], "open", token)).Single().GetProperty("id").GetString()!;
            var messageDelay = random.Next(0, 40);
            var complete = driver.SendAsync($"complete {task}", () => new HttpRequestMessage(HttpMethod.Post, $"/api/tasks/{task}/complete")
            {
                Content = System.Net.Http.Json.JsonContent.Create(new { variables = new { doneB = true } }),
            }, null, token);
            await Task.Delay(messageDelay, token);
            var message = driver.SendAsync($"message race-{i}", () => new HttpRequestMessage(HttpMethod.Post, "/api/messages")
            {
                Content = System.Net.Http.Json.JsonContent.Create(new
                {
                    name = DurabilityModels.MessageName, correlationKey = businessKey, messageId = $"reported-{businessKey}", variables = new { reported = true },
                }),
            }, null, token);
            var replies = await Task.WhenAll(complete, message);
            foreach (var reply in replies.Where(r => !r.Ok))
                driver.Violations.Enqueue($"{ids[i]} ({businessKey}): {(int)reply.Status} {reply.Text}");
        }));
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: {Instances} tasks completed and messages sent at the same moment");

        // Nothing more is sent: every instance must reach its end on its own (well within the deadline).
        var stuck = new List<string>();
        var settle = Stopwatch.StartNew();
        do
        {
            stuck.Clear();
            foreach (var id in ids)
                if ((await driver.InstanceAsync(id, token)).GetProperty("state").GetString() != "completed")
                    stuck.Add(id);
            if (stuck.Count > 0)
                await Task.Delay(500, token);
        }
        while (stuck.Count > 0 && settle.Elapsed < TimeSpan.FromSeconds(15));

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(token);
        var failures = new List<string>();
        foreach (var id in stuck)
        {
            await using var command = new NpgsqlCommand("""
                SELECT (SELECT string_agg(kind || ' ' || element_id || ' ' || coalesce(correlation_key, '-'), '; ') FROM waits WHERE instance_id = @id),
                       (SELECT string_agg(message_id || ' received ' || received_at::text, '; ') FROM buffered_messages b
                         JOIN instances i ON i.business_key = b.correlation_key WHERE i.id = @id)
                """, connection);
            command.Parameters.AddWithValue("id", id);
            await using var reader = await command.ExecuteReaderAsync(token);
            await reader.ReadAsync(token);
            failures.Add($"{id}: still waiting after 15 s; waits: {(reader.IsDBNull(0) ? "none" : reader.GetString(0))}; " +
                $"buffered for it: {(reader.IsDBNull(1) ? "none" : reader.GetString(1))}");
        }
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: {Instances - stuck.Count} of {Instances} instances completed");
        if (stuck.Count == 0)
        {
            var audit = new InstanceAudit(driver, database);
            foreach (var id in ids)
                await audit.InstanceAsync(id, model, reference, token);
            await audit.TablesAsync(ids, new Dictionary<string, int> { [model.Key] = Instances + 1 }, model.Stimuli, token);
            failures.AddRange(audit.Failures);
        }
        failures.AddRange(driver.Violations);
        failures.AddRange(driver.ServerErrors.Select(e => $"server error: {e}"));
        Assert.True(failures.Count == 0, $"{failures.Count} discrepancies:\n{string.Join('\n', failures.Take(40))}\n{server.Tail(30)}");
    }
}
