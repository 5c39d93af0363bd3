using System.Collections.Immutable;

namespace Wuyi.Engine.Model;

/// <summary>The outcome of <see cref="BpmnDefinitions.Parse(string)"/>: either the definitions or every problem found.</summary>
/// <param name="Definitions">The parsed, validated definitions; null when there are problems.</param>
/// <param name="Problems">Every problem found, in document order; empty on success.</param>
public sealed record ParseOutcome(BpmnDefinitions? Definitions, ImmutableArray<ModelProblem> Problems)
{
    /// <summary>True when the model is valid and <see cref="Definitions"/> is set.</summary>
    public bool Success => Definitions is not null;
}
