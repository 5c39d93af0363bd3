using System.Collections.Immutable;

namespace Wuyi.Engine.State;

/// <summary>A token at a flow node; <see cref="Locals"/> are the element's local variables (mappings, loop counters).</summary>
internal sealed record TokenState(int Id, string ElementId, int ScopeId, TokenPhase Phase, string? ArrivedVia,
    ImmutableSortedDictionary<string, object?> Locals);
