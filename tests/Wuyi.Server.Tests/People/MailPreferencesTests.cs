using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Wuyi.People.Mail;
using Wuyi.Server.Tests.Apis;

namespace Wuyi.Server.Tests.People;

/// <summary>Users turn kinds of mail off themselves (issue 9), and mail leaves them out.</summary>
public sealed class MailPreferencesTests
{
    [Fact]
    public async Task PutMail_DigestMuted_ShownAndLeftOutOfTheDigest()
    {
        await using var s = await PeopleServer.StartAsync();
        using var wang = s.Server.ClientFor("wang", "township-reviewer:460105001");

        var put = await wang.PutAsJsonAsync("/api/auth/mail", new { muted = new[] { MailKinds.Digest } });
        var view = await PeopleServer.OkAsync(put);

        Assert.Equal([MailKinds.Digest], view.Strings("muted"));
        Assert.Equal(MailKinds.All.Count, view.GetProperty("kinds").GetArrayLength());
        Assert.Equal([MailKinds.Digest], (await wang.GetJsonAsync("/api/auth/mail")).Strings("muted"));
        await using var scope = s.Server.Services.CreateAsyncScope();
        var recipients = scope.ServiceProvider.GetRequiredService<IMailRecipients>();
        Assert.DoesNotContain(await recipients.AllAsync(MailKinds.Digest, CancellationToken.None), r => r.Recipient.UserName == "wang");
    }

    [Fact]
    public async Task PutMail_UnknownKind_400NamingItAndNothingChanged()
    {
        await using var s = await PeopleServer.StartAsync();
        using var wang = s.Server.ClientFor("wang", "township-reviewer:460105001");
        await PeopleServer.OkAsync(await wang.PutAsJsonAsync("/api/auth/mail", new { muted = new[] { MailKinds.TaskOffered } }));

        var put = await wang.PutAsJsonAsync("/api/auth/mail", new { muted = new[] { "spam" } });

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Contains("'spam' is not a kind of mail", await put.Content.ReadAsStringAsync());
        Assert.Equal([MailKinds.TaskOffered], (await wang.GetJsonAsync("/api/auth/mail")).Strings("muted"));
    }
}
