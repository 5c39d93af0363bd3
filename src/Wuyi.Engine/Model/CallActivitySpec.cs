using System.Collections.Immutable;
using Wuyi.Expressions;

namespace Wuyi.Engine.Model;

/// <summary>A call activity's called process and its <c>camunda:in</c>/<c>camunda:out</c> mappings.</summary>
internal sealed record CallActivitySpec(
    Expression CalledElement,
    ImmutableArray<VariableMapping> In,
    ImmutableArray<VariableMapping> Out,
    Expression? BusinessKey);
