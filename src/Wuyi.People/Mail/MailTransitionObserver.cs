using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wuyi.Engine.State;
using Wuyi.Runtime.Instances;
using Wuyi.Runtime.Store;

namespace Wuyi.People.Mail;

/// <summary>
/// Queues the mail that transitions cause, inside their transaction (so a rolled-back transition mails nobody and a
/// committed one cannot lose its mail), as request rows carried out after the commit: a new task to whoever may do it
/// (a spot-check's to its inspectors only — the area is never among a check's candidates, so a covert check is never
/// mailed to it), and a certification's status change to the area and its county.
/// </summary>
public sealed class MailTransitionObserver(IOptions<SmtpOptions> smtp) : ITransitionObserver
{
    /// <inheritdoc />
    public async Task OnCommittingAsync(RuntimeDbContext db, IReadOnlyList<CommittedTransition> transitions, CancellationToken cancellationToken)
    {
        if (!smtp.Value.Enabled)
            return;
        var rows = new List<OutboxRecord>();
        var newTasks = transitions.SelectMany(t => NewTaskIds(t)).ToList();
        if (newTasks.Count > 0)
        {
            // The step's task rows are still in the change tracker (one by one) or already written (the PostgreSQL bulk path).
            var tasks = db.ChangeTracker.Entries<UserTaskRecord>().Where(e => e.State == EntityState.Added && newTasks.Contains(e.Entity.Id))
                .Select(e => e.Entity).ToList();
            var missing = newTasks.Except(tasks.Select(t => t.Id)).ToList();
            if (missing.Count > 0)
                tasks.AddRange(await db.UserTasks.AsNoTracking().Where(t => missing.Contains(t.Id)).ToListAsync(cancellationToken));
            tasks.RemoveAll(t => t.Status != "open");
            foreach (var task in tasks)
            {
                var transition = transitions.Last(t => t.InstanceId == task.InstanceId);
                rows.Add(MailOutbox.Request(task.InstanceId, $"offered:{task.Id}", MailEvents.TaskOffered(task, transition.After.Variables), transition.At));
            }
        }
        foreach (var transition in transitions)
            if (MailEvents.CertificationStatus(transition) is { } request)
                rows.Add(MailOutbox.Request(transition.InstanceId, $"status:{transition.InstanceId}:{transition.Revision}", request, transition.At));
        if (rows.Count == 0)
            return;
        // Saved with the step's own rows, by the transition's one SaveChanges before the commit.
        db.Outbox.AddRange(rows);
    }

    private static IEnumerable<string> NewTaskIds(CommittedTransition t)
    {
        var before = t.Before?.Waits.Where(w => w.Kind == WaitKind.UserTask).Select(w => w.WaitId).ToHashSet() ?? [];
        return t.After.Waits.Where(w => w.Kind == WaitKind.UserTask && !before.Contains(w.WaitId)).Select(w => w.WaitId);
    }
}
