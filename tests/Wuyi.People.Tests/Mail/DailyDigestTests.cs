using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using Wuyi.People.Mail;
using Wuyi.Runtime;
using Wuyi.Runtime.Persistence;
using Wuyi.Runtime.Store;
using Wuyi.Testing;

namespace Wuyi.People.Tests.Mail;

public sealed class DailyDigestTests
{
    private static readonly TimeSpan ToTownshipReview = TimeSpan.FromHours(73);

    [Fact]
    public async Task RunAsync_TwiceTheSameDay_OneDigestForWhoeverHasTasks()
    {
        await using var mail = await MailHarness.CreateAsync();
        await mail.ApplyAsync();
        await mail.AdvanceAsync(ToTownshipReview + TimeSpan.FromDays(5)); // the township review is overdue by now
        await mail.DeliverAsync();
        var before = mail.Received();

        var first = await mail.RequestAsync(s => s.GetRequiredService<DailyDigest>().RunAsync(CancellationToken.None));
        var second = await mail.RequestAsync(s => s.GetRequiredService<DailyDigest>().RunAsync(CancellationToken.None));
        await mail.DeliverAsync();

        // The township's reviewer, and "quiet", a reviewer of the whole county who muted task offers but not the digest.
        Assert.Equal((2, 0), (first, second));
        var digests = mail.Received().Except(before).ToList();
        Assert.Equal(["quiet@wuyi.test", "township@wuyi.test"], digests.Select(d => d.To).Order());
        var digest = digests.Single(d => d.To == "township@wuyi.test");
        Assert.Contains("待办汇总：1 项，其中 1 项已逾期", digest.Subject);
        Assert.Contains("[逾期] Township review (乡镇级审核)（460105001001）", digest.Body);
    }

    [Fact]
    public async Task DigestJob_TwoSchedulersOnOnePostgres_EachUserMailedOnce()
    {
        using var database = TestDatabase.Create("postgres");
        var smtp = netDumbster.smtp.Configuration.Configure().WithRandomPort().Build();
        try
        {
            // Real time: two clustered nodes compare check-ins. The cron fires every second; the store gives each firing
            // to one node, and the day's key makes any later firing queue nothing.
            var options = new MailOptions { DigestCron = "* * * * * ?", TemplatesDirectory = MailHarness.RepositoryFolder("mail") };
            await using var a = Node(database.Target, smtp.Configuration.Port);
            await using var b = Node(database.Target, smtp.Configuration.Port);
            await a.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
            await SeedOpenTaskAsync(a);
            var schedulers = new List<IScheduler>();
            foreach (var node in new[] { a, b })
            {
                var scheduler = await node.GetRequiredService<ISchedulerFactory>().GetScheduler();
                await DigestScheduler.ScheduleAsync(scheduler, options, CancellationToken.None);
                await scheduler.Start();
                schedulers.Add(scheduler);
            }
            var until = DateTime.UtcNow.AddSeconds(20);
            while (DateTime.UtcNow < until && await DigestsAsync(a) == 0)
                await Task.Delay(200);
            await Task.Delay(TimeSpan.FromSeconds(3)); // more firings, on either node
            foreach (var scheduler in schedulers)
                await scheduler.Shutdown(true);

            Assert.Equal(2, await DigestsAsync(a)); // township and quiet, once each
        }
        finally
        {
            smtp.Dispose();
        }
    }

    private static ServiceProvider Node(DatabaseTarget target, int port)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Wuyi:Smtp:Host"] = "127.0.0.1", ["Wuyi:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Wuyi:Mail:TemplatesDirectory"] = MailHarness.RepositoryFolder("mail"),
            ["Wuyi:Scheduling:CheckinInterval"] = "00:00:01",
        }).Build();
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Critical))
            .AddSingleton(TimeProvider.System)
            .AddWuyiDatabase(target)
            .AddWuyiRuntime(configuration, null, backgroundLoop: true);
        services.AddSingleton<IMailRecipients>(new FixedRecipients(MailHarness.People));
        services.AddWuyiMail(configuration, scheduleDigest: false);
        return services.BuildServiceProvider();
    }

    private static async Task SeedOpenTaskAsync(ServiceProvider node)
    {
        await using var scope = node.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RuntimeDbContext>();
        db.UserTasks.Add(new UserTaskRecord
        {
            Id = "cert-1/w1", InstanceId = "cert-1", ElementId = "TownshipReview", Name = "乡镇级审核", BusinessKey = MailHarness.Area,
            CandidateGroups = "township-reviewer:460105001", Status = "open", CreatedAt = DateTimeOffset.UtcNow, DueAt = DateTimeOffset.UtcNow.AddDays(3),
        });
        await db.SaveChangesAsync();
    }

    private static async Task<int> DigestsAsync(ServiceProvider node)
    {
        await using var scope = node.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RuntimeDbContext>().Outbox.CountAsync(o => o.WaitId != null && o.WaitId.StartsWith("digest:"));
    }
}
