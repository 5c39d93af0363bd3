using System.Collections.Immutable;

namespace Wuyi.Engine.Stimuli;

/// <summary>A user task, a receive task without a message (or a waiting service task) is completed.</summary>
/// <param name="WaitId">The task's wait id.</param>
/// <param name="Variables">The variables the task sets, or null.</param>
public sealed record CompleteTask(string WaitId, IReadOnlyDictionary<string, object?>? Variables = null) : Stimulus;
