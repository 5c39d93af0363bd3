namespace Wuyi.People.Mail;

/// <summary>People holding one of <paramref name="Roles"/> at <paramref name="Region"/> or a region containing it.</summary>
/// <param name="Roles">The roles, e.g. <c>county-assessor</c>.</param>
/// <param name="Region">The region code.</param>
public sealed record MailAudience(IReadOnlyList<string> Roles, string Region);
