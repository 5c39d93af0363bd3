namespace Wuyi.Engine.Commands;

/// <summary>Drop a message or signal subscription, or a plain receive-task wait.</summary>
/// <param name="WaitId">The subscription's wait id.</param>
public sealed record CancelSubscription(string WaitId) : EngineCommand;
