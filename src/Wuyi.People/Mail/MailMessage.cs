namespace Wuyi.People.Mail;

/// <summary>One rendered mail to one person, as an outbox row of kind <see cref="MailOutbox.MessageKind"/> stores it (JSON).</summary>
/// <param name="Kind">A <see cref="MailKinds"/> value.</param>
/// <param name="UserName">The recipient's user name.</param>
/// <param name="To">The recipient's address.</param>
/// <param name="DisplayName">The recipient's name.</param>
/// <param name="Subject">The subject.</param>
/// <param name="Body">The plain-text body.</param>
public sealed record MailMessage(string Kind, string UserName, string To, string DisplayName, string Subject, string Body);
