using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Wuyi.People.Access;
using Wuyi.People.Persistence;

namespace Wuyi.People.Users;

/// <summary>Creating users, checking passwords (with lock-out) and reading who someone is.</summary>
public sealed class UserDirectory(UserManager<WuyiUser> users, PeopleDbContext db)
{
    /// <summary>Creates a user; returns the one-time password when none was given, or the reasons it was refused.</summary>
    public async Task<(string? OneTimePassword, IReadOnlyList<string> Errors)> CreateAsync(NewUser request, CancellationToken cancellationToken)
    {
        if (request.Grants.Count == 0)
            return (null, ["a user needs at least one --role ROLE:REGION"]);
        var oneTime = request.Password is null ? OneTimePassword() : null;
        var user = new WuyiUser
        {
            UserName = request.UserName, DisplayName = request.DisplayName ?? request.UserName, Email = request.Email,
            MustChangePassword = oneTime is not null,
        };
        user.Grants.AddRange(request.Grants.Distinct().Select(g => new UserGrant { UserId = user.Id, Role = g.Role, RegionCode = g.Region }));
        var created = await users.CreateAsync(user, request.Password ?? oneTime!);
        return created.Succeeded ? (oneTime, []) : (null, [.. created.Errors.Select(e => e.Description)]);
    }

    /// <summary>Whether a user of this name exists.</summary>
    public Task<bool> ExistsAsync(string userName, CancellationToken cancellationToken) =>
        db.Users.AnyAsync(u => u.NormalizedUserName == users.NormalizeName(userName), cancellationToken);

    /// <summary>Checks a password: three outcomes — signed in, wrong (counted towards lock-out), locked out.</summary>
    public async Task<SignInOutcome> SignInAsync(string userName, string password)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
            return new SignInOutcome(null);
        if (await users.IsLockedOutAsync(user))
            return new SignInOutcome(null, user.LockoutEnd);
        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            return new SignInOutcome(null, await users.IsLockedOutAsync(user) ? user.LockoutEnd : null);
        }
        await users.ResetAccessFailedCountAsync(user);
        return new SignInOutcome(await CallerAsync(user));
    }

    /// <summary>Changes a password (clearing a one-time password); the errors name the rule broken.</summary>
    public async Task<IReadOnlyList<string>> ChangePasswordAsync(string userName, string current, string next)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
            return ["the user no longer exists"];
        var changed = await users.ChangePasswordAsync(user, current, next);
        if (!changed.Succeeded)
            return [.. changed.Errors.Select(e => e.Description)];
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        return [];
    }

    /// <summary>The user with their pairs, or null.</summary>
    public async Task<WuyiUser?> FindAsync(string userName, CancellationToken cancellationToken)
    {
        var normalized = users.NormalizeName(userName);
        return await db.Users.AsNoTracking().Include(u => u.Grants).SingleOrDefaultAsync(u => u.NormalizedUserName == normalized, cancellationToken);
    }

    /// <summary>Sets the kinds of mail <paramref name="userName"/> does not want (each one of <see cref="Mail.MailKinds.All"/>);
    /// false when there is no such user.</summary>
    public async Task<bool> SetMutedMailKindsAsync(string userName, IReadOnlyCollection<string> kinds, CancellationToken cancellationToken)
    {
        var normalized = users.NormalizeName(userName);
        var text = string.Join(',', Mail.MailKinds.All.Where(kinds.Contains));
        return await db.Users.Where(u => u.NormalizedUserName == normalized)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.MutedMailKinds, text), cancellationToken) == 1;
    }

    /// <summary>The caller a user is, with their current pairs (what a fresh token carries).</summary>
    public async Task<Caller?> CallerAsync(string userName, CancellationToken cancellationToken) =>
        await FindAsync(userName, cancellationToken) is { } user ? ToCaller(user) : null;

    private async Task<Caller> CallerAsync(WuyiUser user) =>
        ToCaller(await FindAsync(user.UserName!, CancellationToken.None) ?? user);

    private static Caller ToCaller(WuyiUser user) =>
        new(user.UserName!, null, [.. user.Grants.Select(g => new Grant(g.Role, g.RegionCode))], user.MustChangePassword);

    // 18 characters from every class Identity's default rules ask for.
    private static string OneTimePassword() =>
        RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ", 4) + RandomNumberGenerator.GetString("abcdefghijkmnopqrstuvwxyz", 6)
        + RandomNumberGenerator.GetString("23456789", 6) + "-" + RandomNumberGenerator.GetString("!#%+", 1);
}
