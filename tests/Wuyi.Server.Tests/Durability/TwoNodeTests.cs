using System.Diagnostics;
using Npgsql;
using Wuyi.Testing;
using Xunit.Abstractions;

namespace Wuyi.Server.Tests.Durability;

/// <summary>
/// Two <c>wuyi serve</c> nodes on one PostgreSQL database under load, many PT2S timers falling due together,
/// one node killed with SIGKILL while it holds timer claims: the other takes over its lapsed claims, every
/// timer fires exactly once, and no user task is created twice.
/// </summary>
[Collection(DurabilityCollection.Name)]
public sealed class TwoNodeTests(ITestOutputHelper output)
{
    private const int Seed = 2_2026_1129;
    private const int Instances = 100;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task OneNodeKilledWhileHoldingTimerClaims_EveryTimer_FiresExactlyOnce()
    {
        var database = PostgresServer.Instance.CreateDatabase("twonode");
        using var first = await ServerProcess.StartAsync("node-1", database);
        using var second = await ServerProcess.StartAsync("node-2", database);
        using var driver = new LoadDriver([first, second]);
        using var deadline = new CancellationTokenSource(Deadline);
        var token = deadline.Token;
        var clock = Stopwatch.StartNew();
        var model = DurabilityModels.Timed;
        await driver.DeployAsync(model.Xml, token);
        var reference = await InstanceAudit.ReferenceAsync(driver, model, token);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: two nodes up, deployed, reference run done");

        // The kill must land while node-2 holds timer claims whose firing has not committed. So the test holds every
        // instance row locked from the moment it is started (FOR UPDATE, in one open transaction): the nodes claim
        // due timers (the claims commit) and then wait for the lock to apply the firing.
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(token);
        await using var locks = new NpgsqlConnection(database);
        await locks.OpenAsync(token);
        await using var holding = await locks.BeginTransactionAsync(token);

        // Starts spread over both nodes, as fast as they take them, so that the timers fall due together.
        var ids = new string[Instances];
        var started = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var starting = Task.Run(async () =>
        {
            using var starts = new SemaphoreSlim(8);
            await Task.WhenAll(Enumerable.Range(0, Instances).Select(async i =>
            {
                await starts.WaitAsync(token);
                try { ids[i] = await driver.StartAsync(model.Key, $"two-{i}", $"two-{i}", i % 2, token); }
                finally { starts.Release(); }
                started.Enqueue(ids[i]);
            }));
        }, token);
        var locked = 0;
        while (!starting.IsCompleted || !started.IsEmpty)
        {
            var batch = new List<string>();
            while (started.TryDequeue(out var id))
                batch.Add(id);
            if (batch.Count > 0)
            {
                await using var lockRows = new NpgsqlCommand("SELECT id FROM instances WHERE id = ANY(@ids) FOR UPDATE", locks, holding);
                lockRows.Parameters.AddWithValue("ids", batch.ToArray());
                await lockRows.ExecuteNonQueryAsync(token);
                locked += batch.Count;
            }
            else
                await Task.Delay(20, token);
        }
        await starting;
        var firedEarly = await ScalarAsync(connection, "SELECT count(*) FROM history WHERE type = 'timer-fired'", token) - 1;
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: {Instances} instances started, {locked} held locked; {firedEarly} timers fired before their row was locked");
        var load = Enumerable.Range(0, Instances)
            .Select(i => Task.Run(() => driver.DriveAsync(ids[i], $"two-{i}", model, new Random(Seed + i), token, duplicates: 0.25), token)).ToList();

        // Kill node 2 while the database shows it holding a claim (its runtime node id carries its pid), then let go of the rows.
        var victim = $"%-{second.Pid}-%";
        var watch = Stopwatch.StartNew();
        var held = 0L;
        while (held == 0 && watch.Elapsed < TimeSpan.FromSeconds(30))
        {
            held = await ClaimsAsync(connection, victim, token);
            if (held == 0)
                await Task.Delay(20, token);
        }
        second.Kill();
        var orphaned = await ClaimsAsync(connection, victim, token);
        await holding.RollbackAsync(token);
        var fired = await ScalarAsync(connection, "SELECT count(*) FROM history WHERE type = 'timer-fired'", token) - 1;
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: node-2 killed holding {orphaned} timer claim(s) (seen {held}); rows let go; " +
            $"{fired} of {Instances} timers had fired");
        Assert.True(orphaned > 0, $"node-2 held no timer claim when it was killed ({firedEarly} timers fired before their rows were locked); " +
            "the test did not exercise the take-over");

        try
        {
            await Task.WhenAll(load);
        }
        catch (Exception e)
        {
            Assert.Fail($"the load did not finish within {Deadline.TotalSeconds} s ({e.GetType().Name}: {e.Message}): " +
                $"{load.Count(t => t.IsCompletedSuccessfully)} of {Instances} " +
                $"instances driven to their end\n{first.Tail(40)}");
        }
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: every instance driven to its end; {driver.TransportFailures} requests cut off and retried");

        using var auditTime = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var audit = new InstanceAudit(driver, database);
        foreach (var id in ids)
            await audit.InstanceAsync(id, model, reference, auditTime.Token);
        await audit.TablesAsync(ids, new Dictionary<string, int> { [model.Key] = Instances + 1 }, model.Stimuli, auditTime.Token);
        var lateness = await ScalarAsync(connection, """
            SELECT coalesce(max(extract(epoch FROM f.at - w.due))::bigint, 0) FROM history f
            JOIN (SELECT instance_id, min(at) + interval '2 seconds' AS due FROM history WHERE type = 'timer-scheduled' GROUP BY instance_id) w
              ON w.instance_id = f.instance_id
            WHERE f.type = 'timer-fired'
            """, auditTime.Token);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: audited; the latest timer fired {lateness} s after it was due");
        foreach (var problem in first.Problems.Concat(second.Problems).Take(20))
            output.WriteLine(problem);

        var failures = audit.Failures.Concat(driver.Violations).Concat(driver.ServerErrors.Select(e => $"server error: {e}")).ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} discrepancies:\n{string.Join('\n', failures.Take(40))}\n" +
            $"{string.Join('\n', first.Problems.Concat(second.Problems).Take(10))}\n{first.Tail(30)}\n{second.Tail(30)}");
    }

    private static Task<long> ClaimsAsync(NpgsqlConnection connection, string node, CancellationToken cancellationToken) =>
        ScalarAsync(connection, $"SELECT count(*) FROM waits WHERE kind = 'Timer' AND claimed_by LIKE '{node}'", cancellationToken);

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
