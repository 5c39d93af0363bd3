namespace Wuyi.People.Mail;

/// <summary>A person mail can go to, with the kinds of mail they turned off.</summary>
/// <param name="UserName">The user's sign-in name.</param>
/// <param name="DisplayName">How mail addresses them.</param>
/// <param name="Email">Their address.</param>
/// <param name="MutedKinds">Kinds of mail (see <see cref="MailKinds"/>) they do not want.</param>
public sealed record MailRecipient(string UserName, string DisplayName, string Email, IReadOnlySet<string> MutedKinds);
