using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wuyi.Runtime.Instances;
using Wuyi.Runtime.Outbox;
using Wuyi.Runtime.Store;
using Wuyi.Testing;

namespace Wuyi.Runtime.Tests.Outbox;

public sealed class OutboxWorkTests
{
    private sealed class FlakyPublisher(int failures) : IServiceTaskHandler
    {
        public int Calls;

        public string Name => "publish-result";

        public Task<ServiceResult> HandleAsync(ServiceCall call, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref Calls) <= failures)
                throw new InvalidOperationException("SMTP down");
            return Task.FromResult(ServiceResult.Completed(new Dictionary<string, object?> { ["published"] = true }));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task RunAsync_HandlerSucceeds_InstanceCompletesWithOutput(string kind)
    {
        var publisher = new FlakyPublisher(0);
        await using var runtime = await RuntimeHarness.CreateAsync(kind, publisher);
        await runtime.DeployAsync(Models.Publish);

        var started = await runtime.StartAsync("publish");

        var state = await runtime.StateAsync(started.InstanceId);
        Assert.Equal("completed", (await runtime.InstanceAsync(started.InstanceId)).Status);
        Assert.Equal(true, state.Variables["published"]);
        Assert.Equal(1, publisher.Calls);
    }

    [Fact]
    public async Task RunAsync_HandlerKeepsFailing_IncidentThenRetrySucceeds()
    {
        var publisher = new FlakyPublisher(5);
        await using var runtime = await RuntimeHarness.CreateAsync("sqlite", publisher);
        await runtime.DeployAsync(Models.Publish);
        var started = await runtime.StartAsync("publish");
        for (var n = 0; n < 6; n++)
            await runtime.RequestAsync(async s =>
            {
                var work = s.GetRequiredService<OutboxWork>();
                foreach (var id in await work.DueAsync(10, CancellationToken.None))
                    await work.RunAsync(id, CancellationToken.None);
                return 0;
            });

        var incident = await runtime.QueryAsync(db => db.Incidents.SingleAsync());
        Assert.Equal(("Publish", "outbox"), (incident.ElementId, incident.Source));
        Assert.Contains("SMTP down", incident.Message);
        Assert.Equal(5, publisher.Calls);

        await runtime.RequestAsync(s => s.GetRequiredService<InstanceOperations>().RetryIncidentAsync(incident.Id, "operator", CancellationToken.None));

        Assert.Equal("completed", (await runtime.InstanceAsync(started.InstanceId)).Status);
        Assert.NotNull((await runtime.QueryAsync(db => db.Incidents.SingleAsync())).ResolvedAt);
    }

    [Fact]
    public async Task RunAsync_NoSuchHandler_IncidentAtOnce()
    {
        await using var runtime = await RuntimeHarness.CreateAsync("sqlite");
        await runtime.DeployAsync(Models.Publish);

        await runtime.StartAsync("publish");

        var incident = await runtime.QueryAsync(db => db.Incidents.SingleAsync());
        Assert.Contains("no service handler named 'publish-result'", incident.Message);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task RunAsync_ChildsLaterReport_WaitsForItsEarlierOne(string kind)
    {
        // Another node may pick up a child's completion before its escalation: the completion must wait.
        await using var runtime = await RuntimeHarness.CreateAsync(kind);
        long[] ids = await runtime.QueryAsync(async db =>
        {
            OutboxRecord Report(string outcome) => new()
            {
                InstanceId = "child-1", Kind = "report-to-parent", WaitId = "parent-1/w1", Status = "pending",
                NextAttemptAt = RuntimeHarness.Start, CreatedAt = RuntimeHarness.Start,
                Payload = $$"""{"parentInstanceId":"parent-1","parentWaitId":"parent-1/w1","outcome":"{{outcome}}","errorCode":"LATE"}""",
            };
            var rows = new[] { Report("Escalated"), Report("Completed") };
            db.Outbox.AddRange(rows);
            await db.SaveChangesAsync();
            return rows.Select(r => r.Id).ToArray();
        });
        var work = (IServiceProvider s) => s.GetRequiredService<OutboxWork>();

        var completionFirst = await runtime.RequestAsync(s => work(s).RunAsync(ids[1], CancellationToken.None));
        var escalation = await runtime.RequestAsync(s => work(s).RunAsync(ids[0], CancellationToken.None));
        var completionAfter = await runtime.RequestAsync(s => work(s).RunAsync(ids[1], CancellationToken.None));

        Assert.Equal((false, true, true), (completionFirst, escalation, completionAfter));
        Assert.Equal(["done", "done"], await runtime.QueryAsync(db => db.Outbox.Where(o => ids.Contains(o.Id)).OrderBy(o => o.Id).Select(o => o.Status).ToListAsync()));
    }
}
