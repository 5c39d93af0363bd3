namespace Wuyi.Engine.State;

/// <summary>Ties a called child instance to the call activity's wait in its parent.</summary>
/// <param name="InstanceId">The parent instance's id.</param>
/// <param name="WaitId">The parent's wait that the child's end resumes.</param>
public sealed record ParentLink(string InstanceId, string WaitId);
