namespace Wuyi.Engine.State;

/// <summary>An open wait; owned by a token (activity, boundary and gateway waits) or a scope (event sub-process starts).</summary>
internal sealed record WaitState(int Number, WaitKind Kind, WaitRole Role, string ElementId, int? TokenId, int? ScopeId)
{
    public DateTimeOffset? DueAt { get; init; }
    public string? Cycle { get; init; }
    public int Remaining { get; init; }
    public string? Name { get; init; }
    public string? CorrelationKey { get; init; }
    public string? ChildInstanceId { get; init; }
}
