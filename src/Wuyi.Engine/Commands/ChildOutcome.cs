namespace Wuyi.Engine.Commands;

/// <summary>How a called child instance ended.</summary>
public enum ChildOutcome
{
    /// <summary>It completed; apply <see cref="Stimuli.ChildCompleted"/> to the parent.</summary>
    Completed,

    /// <summary>It ended with an uncaught BPMN error; apply <see cref="Stimuli.ChildFailed"/> to the parent.</summary>
    Failed,

    /// <summary>It was cancelled; apply <see cref="Stimuli.ChildTerminated"/> to the parent.</summary>
    Terminated,
}
