namespace Wuyi.Engine.State;

/// <summary>The overall state of an instance, as <c>wuyi simulate</c> reports it.</summary>
public enum InstanceStatus
{
    /// <summary>Machine work is under way: a service handler has been invoked and not yet answered.</summary>
    Running,

    /// <summary>Every path waits for a person, a timer, a message, a signal or a child instance.</summary>
    Waiting,

    /// <summary>The instance reached its end.</summary>
    Completed,

    /// <summary>The instance was cancelled, or ended at a terminate end event.</summary>
    Terminated,

    /// <summary>An incident holds a path; <see cref="Stimuli.RetryIncident"/> retries it.</summary>
    Failed,
}
