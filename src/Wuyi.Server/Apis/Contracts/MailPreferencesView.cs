namespace Wuyi.Server.Apis.Contracts;

/// <summary>A user's mail: every kind the service sends, and those they turned off.</summary>
/// <param name="Kinds">Every kind of mail (task-offered, task-due-soon, task-overdue, certification-status, spot-check-assigned, digest).</param>
/// <param name="Muted">The kinds they do not receive.</param>
public sealed record MailPreferencesView(IReadOnlyList<string> Kinds, IReadOnlyList<string> Muted);
