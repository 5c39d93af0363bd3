namespace Wuyi.Engine.Commands;

/// <summary>The service task was interrupted: its handler's answer, if one comes, is to be dropped.</summary>
/// <param name="WaitId">The service task's wait id.</param>
public sealed record CancelService(string WaitId) : EngineCommand;
