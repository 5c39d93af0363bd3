using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wuyi.Runtime.Outbox;
using Wuyi.Runtime.Store;

namespace Wuyi.People.Mail;

/// <summary>
/// The service topics <c>task-due-soon</c> and <c>task-overdue</c> of the shipped models' reminder and escalation
/// paths: queues the mail for the open task named by the input <c>task</c> (its element id) — to whoever may do it, or
/// when overdue to the groups of the input <c>supervisors</c> (<c>county-assessor:460105</c>). Queued once per firing
/// (the wait id keys it), so a retried call mails nobody twice; a task already done is not mailed about.
/// </summary>
public sealed class TaskNoticeHandler(string name, string kind, RuntimeDbContext db, IOptions<SmtpOptions> smtp, TimeProvider clock)
    : IServiceTaskHandler
{
    /// <summary>The topic of the reminder.</summary>
    public const string DueSoonTopic = "task-due-soon";

    /// <summary>The topic of the escalation.</summary>
    public const string OverdueTopic = "task-overdue";

    /// <inheritdoc />
    public string Name => name;

    /// <inheritdoc />
    public async Task<ServiceResult> HandleAsync(ServiceCall call, CancellationToken cancellationToken)
    {
        var key = $"notice:{call.WaitId}";
        if (!smtp.Value.Enabled || call.Variables.GetValueOrDefault("task") is not string element
            || await db.Outbox.AnyAsync(o => o.WaitId == key, cancellationToken))
            return ServiceResult.Completed();
        var task = await db.UserTasks.AsNoTracking().Where(t => t.InstanceId == call.InstanceId && t.ElementId == element && t.Status == "open")
            .OrderByDescending(t => t.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        if (task is null)
            return ServiceResult.Completed();
        var supervisors = call.Variables.GetValueOrDefault("supervisors") is string list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : null;
        db.Outbox.Add(MailOutbox.Request(call.InstanceId, key, MailEvents.TaskNotice(kind, task, call.Variables, supervisors), clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return ServiceResult.Completed(new Dictionary<string, object?>());
    }
}
