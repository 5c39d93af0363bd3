namespace Wuyi.Engine.Model;

/// <summary>
/// What triggers or is thrown by an event. <see cref="Name"/> is the message name, signal name, error
/// code, escalation code or link name, resolved from the definitions' references; null for a catch-all
/// error or escalation.
/// </summary>
internal sealed record EventDefinition(EventKind Kind, string? Name, TimerDefinition? Timer)
{
    public static readonly EventDefinition None = new(EventKind.None, null, null);
}
