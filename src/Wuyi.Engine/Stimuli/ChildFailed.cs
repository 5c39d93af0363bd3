namespace Wuyi.Engine.Stimuli;

/// <summary>A called child instance ended with a BPMN error it did not catch; the call activity throws it.</summary>
/// <param name="WaitId">The call activity's wait id.</param>
/// <param name="ErrorCode">The BPMN error code.</param>
/// <param name="Message">A human-readable message, or null.</param>
public sealed record ChildFailed(string WaitId, string ErrorCode, string? Message = null) : Stimulus;
