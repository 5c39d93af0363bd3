namespace Wuyi.Engine.State;

/// <summary>The purpose of a wait: what happens when it is triggered.</summary>
internal enum WaitRole
{
    /// <summary>The token's own activity or catch event completes.</summary>
    Activity,

    /// <summary>A boundary event attached to the token's activity fires.</summary>
    Boundary,

    /// <summary>One branch of the event-based gateway the token waits at is chosen.</summary>
    EventGateway,

    /// <summary>An event sub-process of the scope starts.</summary>
    EventSubProcessStart,
}
