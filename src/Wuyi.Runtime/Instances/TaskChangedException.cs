namespace Wuyi.Runtime.Instances;

/// <summary>
/// Thrown inside a completion's transaction when the task row moved past the revision the completion read (a claim or
/// another completion committed in between): the step rolls back and the completion loses.
/// </summary>
public sealed class TaskChangedException(string taskId) : Exception($"task {taskId} changed while it was being completed");
