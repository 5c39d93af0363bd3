namespace Wuyi.Engine.Commands;

/// <summary>Cancel a scheduled timer.</summary>
/// <param name="WaitId">The timer's wait id.</param>
public sealed record CancelTimer(string WaitId) : EngineCommand;
