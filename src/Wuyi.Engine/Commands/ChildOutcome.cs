namespace Wuyi.Engine.Commands;

/// <summary>What a called child instance reports to its parent: how it ended, or an escalation it threw.</summary>
public enum ChildOutcome
{
    /// <summary>It completed; apply <see cref="Stimuli.ChildCompleted"/> to the parent.</summary>
    Completed,

    /// <summary>It ended with an uncaught BPMN error; apply <see cref="Stimuli.ChildFailed"/> to the parent.</summary>
    Failed,

    /// <summary>It was cancelled; apply <see cref="Stimuli.ChildTerminated"/> to the parent.</summary>
    Terminated,

    /// <summary>
    /// It threw an escalation it did not catch and goes on; apply <see cref="Stimuli.ChildEscalated"/> to the parent.
    /// A child may report several, before the report of its end.
    /// </summary>
    Escalated,
}
