namespace Wuyi.Engine.State;

/// <summary>
/// One open wait of an instance, as the runtime indexes it: the stimulus it expects and what to correlate it by.
/// </summary>
/// <param name="WaitId">The wait's id, <c>{instanceId}/w{n}</c>; stimuli name it.</param>
/// <param name="Kind">What the wait expects.</param>
/// <param name="ElementId">The flow node (task, catch event, boundary event, event sub-process start) it belongs to.</param>
/// <param name="DueAt">A timer's due time.</param>
/// <param name="Name">A message's or signal's name.</param>
/// <param name="CorrelationKey">A message's correlation key.</param>
/// <param name="ChildInstanceId">A called child instance's id.</param>
public sealed record WaitInfo(string WaitId, WaitKind Kind, string ElementId, DateTimeOffset? DueAt, string? Name,
    string? CorrelationKey, string? ChildInstanceId);
