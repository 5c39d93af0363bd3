using Wuyi.Expressions;

namespace Wuyi.Engine.Model;

/// <summary>
/// A <c>camunda:executionListener</c> or <c>camunda:taskListener</c> with an expression: evaluated in the step at
/// its event (<c>start</c>, <c>end</c>, <c>take</c>; a task listener's <c>create</c> and <c>complete</c>). A
/// listener expression <c>${execution.setVariable('name', value)}</c> sets the variable; any other expression is
/// evaluated for its failure only (a failure is an incident), since the expression language has no side effects.
/// </summary>
internal sealed record ListenerSpec(ListenerEvent Event, Expression Expression, string? SetsVariable);
