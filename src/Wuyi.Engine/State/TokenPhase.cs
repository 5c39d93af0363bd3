namespace Wuyi.Engine.State;

/// <summary>What a token is doing at its element.</summary>
internal enum TokenPhase
{
    /// <summary>Arrived and about to be entered (only inside a step).</summary>
    Arriving,

    /// <summary>Waits at a task or catch event for one of its waits.</summary>
    Waiting,

    /// <summary>Waits at a joining gateway for tokens on its other incoming flows.</summary>
    Joining,

    /// <summary>Owns a running child scope: a sub-process, event sub-process or multi-instance body.</summary>
    InScope,

    /// <summary>Held by an incident.</summary>
    Incident,
}
