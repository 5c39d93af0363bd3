namespace Wuyi.Engine.State;

/// <summary>What an instance waits for at one of its waits.</summary>
public enum WaitKind
{
    /// <summary>A user task to be completed (<see cref="Stimuli.CompleteTask"/>).</summary>
    UserTask,

    /// <summary>A service, send or business-rule task's handler (<see cref="Stimuli.ServiceCompleted"/> or <see cref="Stimuli.ServiceFailed"/>).</summary>
    Service,

    /// <summary>A receive task without a message, triggered by <see cref="Stimuli.CompleteTask"/>.</summary>
    Receive,

    /// <summary>A timer (<see cref="Stimuli.TimerFired"/>).</summary>
    Timer,

    /// <summary>A message subscription (<see cref="Stimuli.MessageReceived"/>).</summary>
    Message,

    /// <summary>A signal subscription (<see cref="Stimuli.SignalReceived"/>).</summary>
    Signal,

    /// <summary>A called child instance (<see cref="Stimuli.ChildCompleted"/> and its kin).</summary>
    Child,

    /// <summary>
    /// A conditional event: triggered by the engine itself when its condition holds after a step changed variables.
    /// No stimulus names it, so it is kept in the state but not listed among <see cref="InstanceState.Waits"/>.
    /// </summary>
    Conditional,
}
