namespace Wuyi.Engine.Model;

/// <summary>The event definition an event carries (none when it has no definition).</summary>
internal enum EventKind
{
    None,
    Message,
    Signal,
    Timer,
    Error,
    Escalation,
    Terminate,
    Link,
    Conditional,
}
