namespace Wuyi.Runtime.Instances;

/// <summary>Another transaction changed the instance first; the transition is retried with fresh state.</summary>
public sealed class RevisionConflictException(string instanceId) : Exception($"instance {instanceId} changed concurrently")
{
    /// <summary>The instance.</summary>
    public string InstanceId { get; } = instanceId;
}
