using Wuyi.Expressions;

namespace Wuyi.Engine.Model;

/// <summary>Which of BPMN's three timer definitions an event carries.</summary>
internal enum TimerKind
{
    Date,
    Duration,
    Cycle,
}

/// <summary>A timer event definition: its kind and its text (which may hold expressions).</summary>
internal sealed record TimerDefinition(TimerKind Kind, Expression Source);
