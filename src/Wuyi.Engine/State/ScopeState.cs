using System.Collections.Immutable;

namespace Wuyi.Engine.State;

/// <summary>A running scope: the process itself, a sub-process, an event sub-process or a multi-instance body.</summary>
internal sealed record ScopeState(int Id, string ElementId, ScopeKind Kind, int? ParentId, int? OwnerTokenId,
    ImmutableSortedDictionary<string, object?> Variables);
