using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wuyi.Runtime.Outbox;
using Wuyi.Runtime.Store;

namespace Wuyi.People.Mail;

/// <summary>
/// Carries out a request row: looks up the recipients (<see cref="IMailRecipients"/> leaves out those who muted the
/// kind), renders the template for each, and writes one message row per recipient — in one transaction with marking
/// the request done, so a repeat after a crash finds it done and queues nobody twice.
/// </summary>
public sealed class MailFanOut(RuntimeDbContext db, IMailRecipients recipients, MailTemplates templates, TimeProvider clock,
    IOptions<MailOptions> options) : IOutboxHandler
{
    /// <inheritdoc />
    public string Kind => MailOutbox.RequestKind;

    /// <inheritdoc />
    public int? MaxAttempts => null;

    /// <inheritdoc />
    public TimeSpan MaxRetryDelay => options.Value.MaxRetryDelay;

    /// <inheritdoc />
    public async Task HandleAsync(OutboxRecord row, CancellationToken cancellationToken)
    {
        var request = JsonSerializer.Deserialize<MailRequest>(row.Payload, MailOutbox.Json)!;
        var people = new Dictionary<string, MailRecipient>(StringComparer.Ordinal);
        if (request.Assignee is not null || request.CandidateGroups is { Count: > 0 })
            foreach (var r in await recipients.ForTaskAsync(request.Kind, request.Assignee, request.CandidateGroups ?? [], cancellationToken))
                people.TryAdd(r.UserName, r);
        foreach (var audience in request.Audiences ?? [])
            foreach (var r in await recipients.ForRegionAsync(request.Kind, audience.Roles, audience.Region, cancellationToken))
                people.TryAdd(r.UserName, r);
        var now = clock.GetUtcNow();
        var messages = new List<OutboxRecord>();
        foreach (var person in people.Values.Where(p => !p.MutedKinds.Contains(request.Kind) && p.Email.Length > 0))
        {
            var (subject, body) = await templates.RenderAsync(request.Template, request.Model, person);
            messages.Add(MailOutbox.Message(row.InstanceId, $"mail:{row.Id}:{person.UserName}",
                new MailMessage(request.Kind, person.UserName, person.Email, person.DisplayName, subject, body), now));
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.Outbox.Where(o => o.Id == row.Id && o.Status == "pending")
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, "done").SetProperty(o => o.Attempts, row.Attempts + 1), cancellationToken);
        if (claimed == 0)
            return; // another node finished it after our claim lapsed
        db.Outbox.AddRange(messages);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
