using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MimeKit;
using netDumbster.smtp;
using Wuyi.Engine.State;
using Wuyi.People.Mail;
using Wuyi.Runtime;
using Wuyi.Runtime.Definitions;
using Wuyi.Runtime.Forms;
using Wuyi.Runtime.Instances;
using Wuyi.Runtime.Messages;
using Wuyi.Runtime.Outbox;
using Wuyi.Runtime.Persistence;
using Wuyi.Runtime.Store;
using Wuyi.Runtime.Tasks;
using Wuyi.Runtime.Timers;
using Wuyi.Testing;

namespace Wuyi.People.Tests.Mail;

/// <summary>
/// The runtime with mail on a fresh database, a manual clock, the shipped models and forms, stand-ins for the
/// certification's service topics, a few people, and a real SMTP server on loopback (netDumbster) whose mail is read.
/// </summary>
internal sealed class MailHarness : IAsyncDisposable
{
    public const string Area = "460105001001";
    public static readonly DateTimeOffset Start = DateTimeOffset.Parse("2022-08-24T09:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture);

    public static readonly (MailRecipient, string[])[] People =
    [
        (FixedRecipients.Person("township"), ["township-reviewer:460105001"]),
        (FixedRecipients.Person("county"), ["county-assessor:460105"]),
        (FixedRecipients.Person("province"), ["province-filer:46"]),
        (FixedRecipients.Person("inspector"), ["inspector:46"]),
        (FixedRecipients.Person("inspector-county"), ["inspector:460105"]),
        (FixedRecipients.Person("applicant"), ["applicant:460105001001"]),
        (FixedRecipients.Person("other-township"), ["township-reviewer:460105002"]),
        (FixedRecipients.Person("quiet", MailKinds.TaskOffered), ["township-reviewer:460105"]),
    ];

    private readonly TestDatabase database;

    private MailHarness(TestDatabase database, ServiceProvider services, ManualClock clock, SimpleSmtpServer smtp, int port)
    {
        this.database = database;
        Services = services;
        Clock = clock;
        Smtp = smtp;
        Port = port;
    }

    public ServiceProvider Services { get; }

    public ManualClock Clock { get; }

    public SimpleSmtpServer Smtp { get; private set; }

    public int Port { get; }

    public static string RepositoryFolder(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "workflows", name);
            if (Directory.Exists(candidate))
                return candidate;
        }
        throw new InvalidOperationException($"workflows/{name} not found");
    }

    public static async Task<MailHarness> CreateAsync(string kind = "sqlite")
    {
        var smtp = Configuration.Configure().WithRandomPort().Build();
        var port = smtp.Configuration.Port;
        var database = TestDatabase.Create(kind);
        var clock = new ManualClock(Start);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Wuyi:Smtp:Host"] = "127.0.0.1", ["Wuyi:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Wuyi:Smtp:Security"] = "none", ["Wuyi:Mail:TemplatesDirectory"] = RepositoryFolder("mail"),
        }).Build();
        var collection = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Critical))
            .AddWuyiDatabase(database.Target)
            .AddWuyiRuntime(configuration, clock, backgroundLoop: false);
        collection.Configure<RuntimeOptions>(o => o.ServiceRetryDelay = TimeSpan.FromSeconds(10));
        collection.AddSingleton<IMailRecipients>(new FixedRecipients(People));
        collection.AddWuyiMail(configuration, scheduleDigest: false);
        foreach (var (topic, outputs) in Topics)
            collection.AddSingleton<IServiceTaskHandler>(new StandIn(topic, outputs));
        var services = collection.BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        var harness = new MailHarness(database, services, clock, smtp, port);
        foreach (var form in Directory.GetFiles(RepositoryFolder("forms"), "*.form"))
            await harness.RequestAsync(s => s.GetRequiredService<FormDeployment>().DeployAsync(File.ReadAllText(form), "admin", CancellationToken.None));
        foreach (var model in Directory.GetFiles(Path.GetDirectoryName(RepositoryFolder("forms"))!, "*.bpmn"))
            await harness.RequestAsync(s => s.GetRequiredService<Deployment>().DeployAsync(File.ReadAllText(model), "admin", CancellationToken.None));
        return harness;
    }

    private static readonly (string Topic, Dictionary<string, object?> Outputs)[] Topics =
    [
        ("check-eligibility", new() { ["eligible"] = true, ["eligibilityReason"] = "秀英区 at dynamic zero", ["countEndsAt"] = null }),
        ("plan-spot-check", new() { ["scheduledCheckMode"] = "covert" }),
        ("publish-result", new() { ["openCloseContacts"] = 0L }),
        ("notify-area", new()),
    ];

    public static Dictionary<string, object?> Criteria(bool met = true) => new[]
        { "organisation", "zeroCases", "measures", "environment", "healthServices", "personalResponsibility", "publicity" }
        .ToDictionary(k => k, _ => (object?)met);

    public static Dictionary<string, object?> Approve() => new() { ["decision"] = "approve", ["criteria"] = Criteria(), ["comments"] = "符合" };

    public async Task<T> RequestAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        var result = await action(scope.ServiceProvider);
        return result;
    }

    /// <summary>Starts a certification of <see cref="Area"/>; it waits at the township review once the 7 days are over.</summary>
    public Task<TransitionOutcome> ApplyAsync() => RequestAsync(s => s.GetRequiredService<InstanceTransitions>().StartAsync(
        new StartInstanceRequest("certification", Area, new Dictionary<string, object?>
        {
            ["areaCode"] = Area, ["areaName"] = "秀华社区", ["townshipCode"] = "460105001", ["countyCode"] = "460105", ["cityCode"] = "4601",
            ["provinceCode"] = "46", ["lastInfectionAt"] = "2022-08-20T10:00:00+08:00", ["selfAssessment"] = Criteria(),
            ["inHighRiskZone"] = false, ["spotCheckMode"] = "covert", ["spotCheckInterval"] = "P30D", ["spotCheckOffset"] = "P10D",
            ["revisions"] = 0L,
        }, "applicant"), CancellationToken.None));

    public Task<(DateTimeOffset Now, int Fired)> AdvanceAsync(TimeSpan by) =>
        RequestAsync(s => s.GetRequiredService<ClockAdvance>().AdvanceAsync(by, CancellationToken.None));

    public async Task<TaskActionResult> CompleteAsync(string element, IReadOnlyDictionary<string, object?> variables, string user)
    {
        var task = await QueryAsync(db => db.UserTasks.AsNoTracking().SingleAsync(t => t.ElementId == element && t.Status == "open"));
        return await RequestAsync(s => s.GetRequiredService<TaskInbox>().CompleteAsync(task.Id, variables, user, CancellationToken.None));
    }

    public Task<T> QueryAsync<T>(Func<RuntimeDbContext, Task<T>> query) => RequestAsync(s => query(s.GetRequiredService<RuntimeDbContext>()));

    /// <summary>Carries out every due outbox row, as the background loop would, until none is left due.</summary>
    public async Task DeliverAsync()
    {
        for (var round = 0; round < 20; round++)
        {
            var due = await RequestAsync(s => s.GetRequiredService<OutboxWork>().DueAsync(500, CancellationToken.None));
            if (due.Count == 0)
                return;
            foreach (var id in due)
                await RequestAsync(s => s.GetRequiredService<OutboxWork>().RunAsync(id, CancellationToken.None));
        }
    }

    /// <summary>The mail the SMTP server received: recipient, subject and body, decoded.</summary>
    public List<(string To, string Subject, string Body)> Received() =>
        [.. Smtp.ReceivedEmail.Select(m =>
        {
            var mime = MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data)));
            return (mime.To.Mailboxes.Single().Address, mime.Subject ?? "", mime.TextBody ?? "");
        })];

    public List<(string To, string Subject, string Body)> ReceivedBy(string user) => [.. Received().Where(m => m.To == user + "@wuyi.test")];

    /// <summary>Stops the SMTP server (an outage); <see cref="RestartSmtp"/> brings it back on the same port.</summary>
    public void StopSmtp() => Smtp.Stop();

    public void RestartSmtp() => Smtp = Configuration.Configure().WithPort(Port).Build();

    public async ValueTask DisposeAsync()
    {
        Smtp.Dispose();
        await Services.DisposeAsync();
        database.Dispose();
    }

    private sealed class StandIn(string name, Dictionary<string, object?> outputs) : IServiceTaskHandler
    {
        public string Name => name;

        public Task<ServiceResult> HandleAsync(ServiceCall call, CancellationToken cancellationToken) => Task.FromResult(ServiceResult.Completed(outputs));
    }
}
