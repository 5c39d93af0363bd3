namespace Wuyi.Engine.Model;

/// <summary>
/// What triggers or is thrown by an event. <see cref="Name"/> is the message name, signal name, error
/// code, escalation code or link name, resolved from the definitions' references; null for a catch-all
/// error or escalation.
/// </summary>
internal sealed record EventDefinition(EventKind Kind, string? Name, TimerDefinition? Timer)
{
    /// <summary>A catching error event's <c>camunda:errorCodeVariable</c>: where the caught code is stored.</summary>
    public string? CodeVariable { get; init; }

    /// <summary>A catching error event's <c>camunda:errorMessageVariable</c>: where the caught message is stored.</summary>
    public string? MessageVariable { get; init; }

    /// <summary>A conditional event's condition and the variable changes that make it be evaluated.</summary>
    public ConditionSpec? Condition { get; init; }

    public static readonly EventDefinition None = new(EventKind.None, null, null);
}
