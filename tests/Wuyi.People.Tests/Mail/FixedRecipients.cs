using Wuyi.People.Mail;

namespace Wuyi.People.Tests.Mail;

/// <summary>A user store of a few people for the mail tests: each with (role, region) pairs, as the real one answers.</summary>
internal sealed class FixedRecipients(params (MailRecipient Person, string[] Groups)[] people) : IMailRecipients
{
    public static MailRecipient Person(string userName, params string[] muted) =>
        new(userName, userName + " 同志", userName + "@wuyi.test", muted.ToHashSet());

    public Task<IReadOnlyList<MailRecipient>> ForTaskAsync(string kind, string? assignee, IReadOnlyList<string> candidateGroups,
        CancellationToken cancellationToken) =>
        Answer(kind, p => assignee is not null ? p.Person.UserName == assignee
            : candidateGroups.Any(g => p.Groups.Any(h => Inside(g, h))));

    public Task<IReadOnlyList<MailRecipient>> ForRegionAsync(string kind, IReadOnlyList<string> roles, string regionCode,
        CancellationToken cancellationToken) =>
        Answer(kind, p => roles.Any(r => p.Groups.Any(h => Inside($"{r}:{regionCode}", h))));

    public Task<IReadOnlyList<(MailRecipient Recipient, IReadOnlyList<string> Groups)>> AllAsync(string kind, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<(MailRecipient, IReadOnlyList<string>)>>(
            [.. people.Where(p => !p.Person.MutedKinds.Contains(kind)).Select(p => (p.Person, (IReadOnlyList<string>)p.Groups))]);

    // A holder of role:R reaches role:C when C lies inside R (its code starts with R's).
    private static bool Inside(string group, string held)
    {
        var (role, code) = (group.Split(':')[0], group.Split(':')[1]);
        var (heldRole, heldRegion) = (held.Split(':')[0], held.Split(':')[1]);
        return role == heldRole && code.StartsWith(heldRegion, StringComparison.Ordinal);
    }

    private Task<IReadOnlyList<MailRecipient>> Answer(string kind, Func<(MailRecipient Person, string[] Groups), bool> match) =>
        Task.FromResult<IReadOnlyList<MailRecipient>>([.. people.Where(p => !p.Person.MutedKinds.Contains(kind) && match(p)).Select(p => p.Person)]);
}
