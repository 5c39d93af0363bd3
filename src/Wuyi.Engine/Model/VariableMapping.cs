using Wuyi.Expressions;

namespace Wuyi.Engine.Model;

/// <summary>
/// One <c>camunda:inputParameter</c>/<c>outputParameter</c>/<c>in</c>/<c>out</c> mapping: <see cref="Target"/>
/// receives the value of <see cref="Source"/> (a variable) or <see cref="Value"/> (an expression, a
/// literal, or a list/map of them). <see cref="AllVariables"/> is Camunda's <c>variables="all"</c>.
/// </summary>
internal sealed record VariableMapping(string? Target, string? Source, MappedValue? Value, bool AllVariables = false);

/// <summary>
/// The value side of a mapping: an expression, a list of values, or a map of values. Where a value is null (a
/// parameter, list item or map entry with no body), the mapped value is null.
/// </summary>
internal sealed record MappedValue(Expression? Expression, IReadOnlyList<MappedValue?>? List, IReadOnlyList<KeyValuePair<string, MappedValue?>>? Map);
