using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Wuyi.People.Access;
using Wuyi.People.Mail;
using Wuyi.People.Persistence;
using Wuyi.People.Users;
using Wuyi.Runtime.Persistence;
using Wuyi.Testing;

namespace Wuyi.People.Tests.Mail;

public sealed class UserMailRecipientsTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Recipients_UsersWithPairs_ByGroupRegionAndMutedKinds(string kind)
    {
        using var database = TestDatabase.Create(kind);
        await using var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddWuyiDatabase(database.Target).AddPeople().BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None); // twice: harmless
        await using (var scope = services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserDirectory>();
            await CreateAsync(users, "county", "county-assessor:460105", "county@x.cn");
            await CreateAsync(users, "township", "township-reviewer:460105001", "township@x.cn");
            await CreateAsync(users, "other-township", "township-reviewer:460105002", "other@x.cn");
            await CreateAsync(users, "province", "county-assessor:46", null); // no address: no mail
            await CreateAsync(users, "quiet", "county-assessor:4601", "quiet@x.cn");
            var db = scope.ServiceProvider.GetRequiredService<PeopleDbContext>();
            db.Users.Single(u => u.UserName == "quiet").MutedMailKinds = MailKinds.TaskOffered;
            await db.SaveChangesAsync();
        }
        await using var query = services.CreateAsyncScope();
        var recipients = query.ServiceProvider.GetRequiredService<IMailRecipients>();

        var offered = await recipients.ForTaskAsync(MailKinds.TaskOffered, null, ["county-assessor:460105", "township-reviewer:460105001"], default);
        var offeredQuiet = await recipients.ForTaskAsync(MailKinds.TaskOverdue, null, ["county-assessor:460105"], default);
        var assigned = await recipients.ForTaskAsync(MailKinds.TaskOffered, "township", ["county-assessor:460105"], default);
        var region = await recipients.ForRegionAsync(MailKinds.CertificationStatus, ["township-reviewer", "county-assessor"], "460105002003", default);
        var all = await recipients.AllAsync(MailKinds.Digest, default);

        Assert.Equal(["county", "township"], offered.Select(r => r.UserName));
        Assert.Equal(["county", "quiet"], offeredQuiet.Select(r => r.UserName));
        Assert.Equal(["township"], assigned.Select(r => r.UserName));
        Assert.Equal(["county", "other-township", "quiet"], region.Select(r => r.UserName));
        Assert.Equal(["county", "other-township", "quiet", "township"], all.Select(a => a.Recipient.UserName));
        Assert.Equal(["township-reviewer:460105001"], all.Single(a => a.Recipient.UserName == "township").Groups);
        Assert.Contains(MailKinds.TaskOffered, all.Single(a => a.Recipient.UserName == "quiet").Recipient.MutedKinds);
        Assert.Equal("county@x.cn", offered[0].Email);
    }

    private static async Task CreateAsync(UserDirectory users, string name, string grant, string? email)
    {
        Assert.True(Grant.TryParse(grant, Roles.All, out var g, out _));
        var (_, errors) = await users.CreateAsync(new NewUser(name, [g], "Test-password-1", name.ToUpperInvariant(), email), default);
        Assert.Empty(errors);
    }
}
