namespace Wuyi.People.Mail;

/// <summary>Nobody: the recipients until a user store is registered (mail is queued and delivered to no one).</summary>
public sealed class NoMailRecipients : IMailRecipients
{
    /// <inheritdoc />
    public Task<IReadOnlyList<MailRecipient>> ForTaskAsync(string kind, string? assignee, IReadOnlyList<string> candidateGroups,
        CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<MailRecipient>>([]);

    /// <inheritdoc />
    public Task<IReadOnlyList<MailRecipient>> ForRegionAsync(string kind, IReadOnlyList<string> roles, string regionCode,
        CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<MailRecipient>>([]);

    /// <inheritdoc />
    public Task<IReadOnlyList<(MailRecipient Recipient, IReadOnlyList<string> Groups)>> AllAsync(string kind, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<(MailRecipient Recipient, IReadOnlyList<string> Groups)>>([]);
}
