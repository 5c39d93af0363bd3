namespace Wuyi.Runtime.Outbox;

/// <summary>A service task's call.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="WaitId">The task's wait id: the same call repeated has the same id.</param>
/// <param name="ElementId">The task's element id.</param>
/// <param name="Variables">The variables visible at the task.</param>
/// <param name="Attempt">1 for the first try.</param>
public sealed record ServiceCall(string InstanceId, string WaitId, string ElementId, IReadOnlyDictionary<string, object?> Variables, int Attempt);
