namespace Wuyi.People.Mail;

/// <summary>
/// Who mail goes to, answered from the users and their (role, region) pairs. The mail senders ask this; the user
/// store implements it. Recipients without an address, or who muted the kind, are left out by the implementation.
/// </summary>
public interface IMailRecipients
{
    /// <summary>The people a task is for: its assignee, or everyone who may claim it through a candidate group
    /// <c>role:regionCode</c> (holding the role at that region or a region containing it).</summary>
    Task<IReadOnlyList<MailRecipient>> ForTaskAsync(string kind, string? assignee, IReadOnlyList<string> candidateGroups,
        CancellationToken cancellationToken);

    /// <summary>The people holding one of <paramref name="roles"/> at exactly <paramref name="regionCode"/> or at a
    /// region containing it (a county assessor of 460105 for an area 460105001001).</summary>
    Task<IReadOnlyList<MailRecipient>> ForRegionAsync(string kind, IReadOnlyList<string> roles, string regionCode,
        CancellationToken cancellationToken);

    /// <summary>Everyone who receives this kind of mail (the daily digest), with their (role, region) pairs.</summary>
    Task<IReadOnlyList<(MailRecipient Recipient, IReadOnlyList<string> Groups)>> AllAsync(string kind,
        CancellationToken cancellationToken);
}
