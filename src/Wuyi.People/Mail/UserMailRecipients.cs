using Microsoft.EntityFrameworkCore;
using Wuyi.People.Persistence;
using Wuyi.People.Users;

namespace Wuyi.People.Mail;

/// <summary>Answers who mail goes to from the users and their (role, region) pairs.</summary>
internal sealed class UserMailRecipients(PeopleDbContext db) : IMailRecipients
{
    public async Task<IReadOnlyList<MailRecipient>> ForTaskAsync(string kind, string? assignee, IReadOnlyList<string> candidateGroups,
        CancellationToken cancellationToken)
    {
        if (assignee is not null)
        {
            var user = await db.Users.AsNoTracking().Where(u => u.UserName == assignee).ToListAsync(cancellationToken);
            return Receiving(user, kind);
        }
        var groups = candidateGroups.Select(g => g.Split(':', 2)).Select(p => (Role: p[0], Code: p.Length > 1 ? p[1] : null)).ToList();
        var roles = groups.Select(g => g.Role).Distinct().ToList();
        var grants = await db.Grants.AsNoTracking().Where(g => roles.Contains(g.Role)).ToListAsync(cancellationToken);
        var ids = grants.Where(g => groups.Any(c => c.Role == g.Role && (c.Code is null || c.Code.StartsWith(g.RegionCode, StringComparison.Ordinal))))
            .Select(g => g.UserId).Distinct().ToList();
        return Receiving(await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToListAsync(cancellationToken), kind);
    }

    public async Task<IReadOnlyList<MailRecipient>> ForRegionAsync(string kind, IReadOnlyList<string> roles, string regionCode,
        CancellationToken cancellationToken)
    {
        var grants = await db.Grants.AsNoTracking().Where(g => roles.Contains(g.Role)).ToListAsync(cancellationToken);
        var ids = grants.Where(g => regionCode.StartsWith(g.RegionCode, StringComparison.Ordinal)).Select(g => g.UserId).Distinct().ToList();
        return Receiving(await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToListAsync(cancellationToken), kind);
    }

    public async Task<IReadOnlyList<(MailRecipient Recipient, IReadOnlyList<string> Groups)>> AllAsync(string kind,
        CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking().Include(u => u.Grants).OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        return [.. users.Where(u => Receives(u, kind))
            .Select(u => (Recipient(u), (IReadOnlyList<string>)[.. u.Grants.Select(g => $"{g.Role}:{g.RegionCode}")]))];
    }

    private static List<MailRecipient> Receiving(IEnumerable<WuyiUser> users, string kind) =>
        [.. users.Where(u => Receives(u, kind)).OrderBy(u => u.UserName).Select(Recipient)];

    private static bool Receives(WuyiUser user, string kind) => !string.IsNullOrWhiteSpace(user.Email) && !Muted(user).Contains(kind);

    private static HashSet<string> Muted(WuyiUser user) => [.. user.MutedMailKinds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static MailRecipient Recipient(WuyiUser user) => new(user.UserName!, user.DisplayName, user.Email!, Muted(user));
}
