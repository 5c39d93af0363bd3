using System.Text.Json;
using Microsoft.Extensions.Options;
using Wuyi.Runtime.Outbox;
using Wuyi.Runtime.Store;

namespace Wuyi.People.Mail;

/// <summary>Carries out a message row: sends it. A failure (the server down) is retried for ever, backing off to
/// <see cref="MailOptions.MaxRetryDelay"/>: an outage delays mail and loses none.</summary>
public sealed class MailDelivery(SmtpSender sender, IOptions<MailOptions> options) : IOutboxHandler
{
    /// <inheritdoc />
    public string Kind => MailOutbox.MessageKind;

    /// <inheritdoc />
    public int? MaxAttempts => null;

    /// <inheritdoc />
    public TimeSpan MaxRetryDelay => options.Value.MaxRetryDelay;

    /// <inheritdoc />
    public Task HandleAsync(OutboxRecord row, CancellationToken cancellationToken) =>
        sender.SendAsync(JsonSerializer.Deserialize<MailMessage>(row.Payload, MailOutbox.Json)!, cancellationToken);
}
