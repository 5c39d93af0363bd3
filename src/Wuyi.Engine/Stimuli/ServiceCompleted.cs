namespace Wuyi.Engine.Stimuli;

/// <summary>A service handler finished its work.</summary>
/// <param name="WaitId">The service task's wait id.</param>
/// <param name="Variables">The handler's output variables, or null.</param>
public sealed record ServiceCompleted(string WaitId, IReadOnlyDictionary<string, object?>? Variables = null) : Stimulus;
