namespace Wuyi.Server.Apis.Contracts;

/// <summary>Which kinds of mail to turn off; every other kind is on.</summary>
/// <param name="Muted">The kinds not to receive.</param>
public sealed record MailPreferencesBody(IReadOnlyList<string>? Muted);
