namespace Wuyi.Engine.Commands;

/// <summary>Withdraw an open user task (its activity was interrupted or cancelled).</summary>
/// <param name="WaitId">The task's wait id.</param>
public sealed record CancelUserTask(string WaitId) : EngineCommand;
