using Wuyi.Expressions;

namespace Wuyi.Engine.Model;

/// <summary>A sequence flow; <see cref="Condition"/> is null for an unconditional flow.</summary>
internal sealed record SequenceFlow(string Id, string SourceId, string TargetId, Expression? Condition, int? Line)
{
    /// <summary>Execution listeners on the flow (event <c>take</c>).</summary>
    public System.Collections.Immutable.ImmutableArray<ListenerSpec> Listeners { get; init; } = [];
}
