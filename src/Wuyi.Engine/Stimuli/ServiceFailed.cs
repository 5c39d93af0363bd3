namespace Wuyi.Engine.Stimuli;

/// <summary>
/// A service handler threw a BPMN error. An error boundary event or error event sub-process with a matching
/// code catches it; otherwise it becomes an incident (or, in a called child, the call activity's error).
/// </summary>
/// <param name="WaitId">The service task's wait id.</param>
/// <param name="ErrorCode">The BPMN error code.</param>
/// <param name="Message">A human-readable message, or null.</param>
public sealed record ServiceFailed(string WaitId, string ErrorCode, string? Message = null) : Stimulus;
