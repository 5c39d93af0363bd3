namespace Wuyi.Engine.Model;

/// <summary>What starts a process instance at one of its start events.</summary>
public enum StartTriggerKind
{
    /// <summary>A none start event: started on request.</summary>
    None,

    /// <summary>A message start event: started when its message arrives.</summary>
    Message,

    /// <summary>A signal start event: started when its signal is broadcast.</summary>
    Signal,

    /// <summary>A timer start event: started when its timer falls due.</summary>
    Timer,
}
