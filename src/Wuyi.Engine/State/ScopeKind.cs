namespace Wuyi.Engine.State;

/// <summary>What kind of scope a <see cref="ScopeState"/> is.</summary>
internal enum ScopeKind
{
    Process,
    SubProcess,
    EventSubProcess,
    MultiInstance,
}
