namespace Wuyi.Server.Apis.Contracts;

/// <summary>Why an instance is cancelled (optional).</summary>
/// <param name="Reason">Recorded in the history.</param>
public sealed record CancelInstanceBody(string? Reason);
