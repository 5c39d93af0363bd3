using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wuyi.Certification.Certifications;
using Wuyi.Certification.Persistence;
using Wuyi.Certification.Regions;
using Wuyi.Certification.Signals;
using Wuyi.Runtime.Store;
using Wuyi.Runtime.Tasks;
using Wuyi.Runtime.Timers;

namespace Wuyi.Server.Hosting;

/// <summary>
/// Demo data for a first look at the service on its embedded database: six villages and communities of 秀英区
/// (Haikou) taken through the real process — applications, the 7 days, reviews, publication, a close contact — by
/// the same services the API calls, so inboxes, lists, the registry and every history hold something to see.
/// Seeded once, when no certification exists yet.
/// </summary>
internal static class DemoCertifications
{
    /// <summary>The district the demo areas are taken from.</summary>
    public const string County = "460105";

    private const string Applicant = "demo:village-committee";

    // Where each of the six areas is left: the reviews it passes, then what happens to it.
    private static readonly (string[] Approvals, string? Then)[] Plan =
    [
        (["TownshipReview", "CountyAssessment", "ProvincialFiling"], null), // certified
        (["TownshipReview", "CountyAssessment", "ProvincialFiling"], null), // certified
        (["TownshipReview", "CountyAssessment", "ProvincialFiling"], SignalTypes.CloseContact), // suspended
        (["TownshipReview"], null), // waiting for the county's assessment
        ([], null), // waiting for the township's review
        ([], "return"), // returned to the area for revision
    ];

    /// <summary>Which of the district's villages (by code) is the one whose application was returned for revision.</summary>
    internal static int ReturnedAreaIndex => Array.FindIndex(Plan, p => p.Then == "return");

    /// <summary>Seeds the demo if no certification exists; returns how many certifications it started.</summary>
    public static async Task<int> SeedIfEmptyAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (await InScopeAsync(services, s => s.GetRequiredService<RuntimeDbContext>().Instances
                .AnyAsync(i => i.ProcessKey == CertificationProcess.Key, cancellationToken), cancellationToken))
            return 0;
        var areas = await InScopeAsync(services, s => s.GetRequiredService<CertificationDbContext>().Regions.AsNoTracking()
            .Where(r => r.Level == RegionLevel.Village && r.Code.StartsWith(County)).OrderBy(r => r.Code).Select(r => r.Code)
            .Take(Plan.Length).ToListAsync(cancellationToken), cancellationToken);
        var instances = new List<string>();
        foreach (var area in areas)
        {
            var applied = await InScopeAsync(services, s => s.GetRequiredService<CertificationApplications>().ApplyAsync(
                new CertificationApplication(area, Criteria.All(met: true), new ContactPerson("王主任", "0898-6000000")),
                Applicant, cancellationToken), cancellationToken);
            instances.Add(applied.InstanceId ?? throw new InvalidOperationException($"the demo application of {area} was refused: {applied.Refusal?.Message}"));
        }
        // No infection on record: the 7 days are already over, and the timers are due now.
        await InScopeAsync(services, s => s.GetRequiredService<DueTimers>().FireDueAsync(int.MaxValue, cancellationToken), cancellationToken);
        foreach (var (instance, (approvals, then)) in instances.Zip(Plan))
        {
            foreach (var level in approvals)
                await ReviewAsync(services, instance, level, "approve", "符合创建标准", cancellationToken);
            if (then == "return")
                await ReviewAsync(services, instance, "TownshipReview", "return", "请补充核酸检测记录", cancellationToken);
        }
        var contact = areas[Array.FindIndex(Plan, p => p.Then == SignalTypes.CloseContact)];
        await InScopeAsync(services, async s => (await s.GetRequiredService<SignalIntake>().TakeAsync(
        [
            new EpidemicSignal("demo-close-contact-1", SignalTypes.CloseContact, contact, null,
                s.GetRequiredService<TimeProvider>().GetUtcNow().AddHours(-1), "demo: 密接人员排查"),
        ], "demo:health-commission", cancellationToken)).Count, cancellationToken);
        return instances.Count;
    }

    private static async Task ReviewAsync(IServiceProvider services, string instance, string level, string decision, string comments,
        CancellationToken cancellationToken)
    {
        var task = await OpenTaskAsync(services, instance, level, cancellationToken);
        var done = await InScopeAsync(services, s => s.GetRequiredService<TaskInbox>().CompleteAsync(task.Id,
            ReviewForm.Variables(decision, criteriaMet: decision == "approve", comments), $"demo:{level}", cancellationToken), cancellationToken);
        if (done.Status != TaskActionStatus.Done)
            throw new InvalidOperationException($"the demo {level} of {instance} was {done.Status}: {done.Conflict}");
    }

    // The task is there at once, unless a running node's timer loop claimed the 7 days' timer first: then it comes when
    // that node fires it, moments later.
    private static async Task<UserTaskRecord> OpenTaskAsync(IServiceProvider services, string instance, string level, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var task = await InScopeAsync(services, s => s.GetRequiredService<RuntimeDbContext>().UserTasks.AsNoTracking()
                .SingleOrDefaultAsync(t => t.InstanceId == instance && t.ElementId == level && t.Status == "open", cancellationToken), cancellationToken);
            if (task is not null)
                return task;
            if (attempt == 200)
                throw new InvalidOperationException($"the demo certification {instance} never reached {level}");
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }
    }

    private static Task<T> InScopeAsync<T>(IServiceProvider services, Func<IServiceProvider, Task<T>> action, CancellationToken cancellationToken) =>
        ServiceRequests.RunAsync(services, action, cancellationToken);
}
