using System.Diagnostics;
using Wuyi.Testing;
using Xunit.Abstractions;

namespace Wuyi.Server.Tests.Durability;

/// <summary>
/// The crash test of issue 4: <c>wuyi serve</c> as a child process on PostgreSQL, under load, killed with
/// SIGKILL at random moments and started again on the same database, many rounds. Clients retry what failed,
/// as real clients do, each stimulus with its own id. Afterwards every instance's history equals what its
/// stimuli should have produced: nothing lost, nothing doubled.
/// </summary>
[Collection(DurabilityCollection.Name)]
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    private const int Seed = 4_2026_1129;
    private const int Instances = 80;
    private const int Rounds = 6;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(240);

    [Fact]
    public async Task KilledAtRandomManyRounds_EveryInstance_HistoryExactlyAsStimuliProduce()
    {
        var database = PostgresServer.Instance.CreateDatabase("crash");
        using var server = await ServerProcess.StartAsync("node", database);
        using var driver = new LoadDriver([server]);
        using var deadline = new CancellationTokenSource(Deadline);
        var token = deadline.Token;
        var clock = Stopwatch.StartNew();
        DurabilityModel[] models = [DurabilityModels.Sequential, DurabilityModels.Parallel];
        var references = new Dictionary<string, Dictionary<string, int>>();
        foreach (var model in models)
        {
            await driver.DeployAsync(model.Xml, token);
            references[model.Key] = await InstanceAudit.ReferenceAsync(driver, model, token);
        }
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: deployed, reference runs done");

        // The clients: the instances come in one batch per round, each started (idempotently, key crash-i) at a
        // random moment of its round's uptime and then driven to its end through the later kills.
        var random = new Random(Seed);
        var batches = Enumerable.Range(0, Rounds).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var ids = new string?[Instances];
        var load = Enumerable.Range(0, Instances).Select(i => Task.Run(async () =>
        {
            var mine = new Random(Seed + i);
            await batches[i * Rounds / Instances].Task.WaitAsync(token);
            await Task.Delay(mine.Next(0, 2_000), token);
            var model = models[i % models.Length];
            var businessKey = $"crash-{i}";
            var id = await driver.StartAsync(model.Key, businessKey, businessKey, null, token);
            ids[i] = id;
            await driver.DriveAsync(id, businessKey, model, mine, token, duplicates: 0.25);
        }, token)).ToList();

        // The chaos: up for a random while, SIGKILL, down for a random while, start again on the same database.
        for (var round = 1; round <= Rounds; round++)
        {
            batches[round - 1].SetResult();
            await Task.Delay(random.Next(1_000, 4_000), token);
            server.Kill();
            var killedAt = clock.Elapsed;
            await Task.Delay(random.Next(0, 1_000), token);
            var crashLoop = ",";
            if (round % 3 == 2)
            {
                // Now and then the new incarnation dies too while it starts (migrations, scheduler, the first rounds of the loop).
                await server.RestartAsync(waitUntilReady: false);
                var after = random.Next(300, 2_500);
                await Task.Delay(after, token);
                server.Kill();
                crashLoop = $", killed again {after} ms into its start,";
            }
            await server.RestartAsync();
            output.WriteLine($"round {round}: killed at {killedAt.TotalSeconds:F1} s{crashLoop} ready again at {clock.Elapsed.TotalSeconds:F1} s; " +
                $"{ids.Count(i => i is not null)} instances started so far, {load.Count(t => t.IsCompleted)} at their end");
        }

        var all = Task.WhenAll(load);
        try
        {
            await all;
        }
        catch (Exception e)
        {
            Assert.Fail($"the load did not finish within {Deadline.TotalSeconds} s ({e.GetType().Name}: {e.Message}): " +
                $"{load.Count(t => t.IsCompletedSuccessfully)} of {Instances} " +
                $"instances driven to their end\n{Report(driver, server)}");
        }
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: every instance driven to its end; acknowledged " +
            $"{string.Join(", ", driver.Acknowledged.OrderBy(a => a.Key).Select(a => $"{a.Value} {a.Key}"))}; {driver.TransportFailures} requests cut off and retried");

        using var auditTime = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var audit = new InstanceAudit(driver, database);
        for (var i = 0; i < Instances; i++)
            await audit.InstanceAsync(ids[i]!, models[i % models.Length], references[models[i % models.Length].Key], auditTime.Token);
        await audit.TablesAsync([.. ids.Select(i => i!)],
            models.ToDictionary(m => m.Key, m => 1 + Enumerable.Range(0, Instances).Count(i => models[i % models.Length] == m)),
            models[0].Stimuli, auditTime.Token);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: audited {Instances} instances over {server.Incarnations} incarnations");
        foreach (var problem in server.Problems.Take(20))
            output.WriteLine(problem);

        var failures = audit.Failures.Concat(driver.Violations).Concat(driver.ServerErrors.Select(e => $"server error: {e}")).ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} discrepancies:\n{string.Join('\n', failures.Take(40))}\n{Report(driver, server)}");
    }

    private static string Report(LoadDriver driver, ServerProcess server) =>
        $"violations: {driver.Violations.Count}, server errors: {driver.ServerErrors.Count}\n" +
        string.Join('\n', driver.ServerErrors.Take(5)) + "\n" + string.Join('\n', server.Problems.Take(10)) + "\n" + server.Tail(40);
}
