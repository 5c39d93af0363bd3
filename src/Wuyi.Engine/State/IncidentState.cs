namespace Wuyi.Engine.State;

/// <summary>An incident on a token.</summary>
internal sealed record IncidentState(int TokenId, string ElementId, string Message, IncidentRetry Retry);
