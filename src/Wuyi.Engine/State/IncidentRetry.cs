namespace Wuyi.Engine.State;

/// <summary>How a path held by an incident is retried.</summary>
internal enum IncidentRetry
{
    /// <summary>Enter the element again.</summary>
    Enter,

    /// <summary>Take the element's outgoing flows again.</summary>
    Leave,

    /// <summary>Complete the element again (its output mappings failed).</summary>
    Complete,
}
