using System.Collections.Immutable;
using Wuyi.Expressions;

namespace Wuyi.Engine.Model;

/// <summary>
/// A conditional event's condition. It is evaluated when the event starts waiting and after each step that
/// changed a variable its scope sees, restricted, as in Camunda 7, to <c>camunda:variableName</c> (one variable)
/// and <c>camunda:variableEvents</c> (<c>create</c>, <c>update</c>, <c>delete</c>; empty: any change).
/// </summary>
internal sealed record ConditionSpec(Expression Condition, string? VariableName, ImmutableArray<string> VariableEvents);
