using System.Collections.Immutable;

namespace Wuyi.Engine.Model;

/// <summary>
/// The contents of a process, sub-process or event sub-process: its none start event (where a token
/// begins), the start events of its event sub-processes (subscribed while the scope runs), and its nodes.
/// </summary>
internal sealed record ScopeDefinition(
    string Id,
    ImmutableArray<string> NodeIds,
    string? NoneStartId,
    ImmutableArray<string> EventSubProcessStartIds);
