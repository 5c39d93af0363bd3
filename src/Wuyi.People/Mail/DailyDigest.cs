using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wuyi.Runtime.Store;

namespace Wuyi.People.Mail;

/// <summary>
/// The daily digest: to every user who receives it, their open tasks — assigned to them or claimable through one of
/// their (role, region) pairs at their region or inside it — with the overdue ones marked. Nobody with nothing open
/// is mailed. One digest per user per day: the day and the user key the queued message, so a second run the same day
/// (another node, a retry) queues nothing.
/// </summary>
public sealed class DailyDigest(RuntimeDbContext db, IMailRecipients recipients, MailTemplates templates, TimeProvider clock,
    IOptions<SmtpOptions> smtp, IOptions<MailOptions> options)
{
    /// <summary>The most tasks one digest lists (the count says how many there are).</summary>
    public const int MaxListed = 50;

    /// <summary>Queues today's digests; returns how many were queued.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (!smtp.Value.Enabled)
            return 0;
        var now = clock.GetUtcNow();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.DigestTimeZone);
        var day = TimeZoneInfo.ConvertTime(now, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var queued = 0;
        foreach (var (person, groups) in await recipients.AllAsync(MailKinds.Digest, cancellationToken))
        {
            if (person.MutedKinds.Contains(MailKinds.Digest) || person.Email.Length == 0)
                continue;
            var key = $"digest:{day}:{person.UserName}";
            if (await db.Outbox.AnyAsync(o => o.WaitId == key, cancellationToken))
                continue;
            var tasks = await OpenTasksAsync(person.UserName, groups, cancellationToken);
            if (tasks.Count == 0)
                continue;
            var overdue = tasks.Count(t => t.DueAt < now);
            var model = MailOutbox.Model(new Dictionary<string, object?>
            {
                ["day"] = day, ["total"] = tasks.Count, ["overdue"] = overdue,
                ["tasks"] = tasks.Take(MaxListed).Select(t => new Dictionary<string, object?>
                {
                    ["name"] = t.Name ?? t.ElementId, ["businessKey"] = t.BusinessKey, ["dueAt"] = t.DueAt is { } d ? MailEvents.Local(d) : null,
                    ["overdue"] = t.DueAt < now, ["assigned"] = t.Assignee == person.UserName,
                }).ToList(),
            });
            var (subject, body) = await templates.RenderAsync("digest", model, person);
            db.Outbox.Add(MailOutbox.Message("digest", key, new MailMessage(MailKinds.Digest, person.UserName, person.Email, person.DisplayName,
                subject, body), now));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            queued++;
        }
        return queued;
    }

    // A group role:region reaches a task's group role:code when code lies inside region, i.e. starts with it: one
    // "contains" per pair, on the comma-wrapped list, so "role:4601" never matches "role:46010…" of another role.
    private async Task<List<UserTaskRecord>> OpenTasksAsync(string user, IReadOnlyList<string> groups, CancellationToken cancellationToken)
    {
        var open = db.UserTasks.AsNoTracking().Where(t => t.Status == "open");
        var mine = await open.Where(t => t.Assignee == user).ToListAsync(cancellationToken);
        foreach (var group in groups)
        {
            var prefix = "," + group;
            mine.AddRange(await open.Where(t => t.Assignee == null && t.CandidateGroups != null && ("," + t.CandidateGroups).Contains(prefix))
                .ToListAsync(cancellationToken));
        }
        return [.. mine.DistinctBy(t => t.Id).OrderBy(t => t.DueAt ?? DateTimeOffset.MaxValue).ThenBy(t => t.Id)];
    }
}
