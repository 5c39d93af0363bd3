using System.Collections.Immutable;

namespace Wuyi.Engine.State;

/// <summary>
/// Everything the engine knows about one process instance between two stimuli: immutable, and serialised
/// by <see cref="InstanceStateJson"/> to a compact versioned document. Ids of tokens, scopes and waits
/// come from counters held here, so replaying the same stimuli gives the same state.
/// </summary>
public sealed class InstanceState
{
    internal InstanceState(string instanceId, string processId, string? businessKey, InstanceStatus status, ParentLink? parent,
        ImmutableArray<ScopeState> scopes, ImmutableArray<TokenState> tokens, ImmutableArray<WaitState> waits,
        ImmutableArray<IncidentState> incidents, int nextToken, int nextScope, int nextWait)
    {
        InstanceId = instanceId;
        ProcessId = processId;
        BusinessKey = businessKey;
        Status = status;
        Parent = parent;
        Scopes = scopes;
        Tokens = tokens;
        WaitStates = waits;
        IncidentStates = incidents;
        NextToken = nextToken;
        NextScope = nextScope;
        NextWait = nextWait;
    }

    /// <summary>The instance's id.</summary>
    public string InstanceId { get; }

    /// <summary>The id of the process it runs.</summary>
    public string ProcessId { get; }

    /// <summary>The business key, when it was started with one.</summary>
    public string? BusinessKey { get; }

    /// <summary>The overall state.</summary>
    public InstanceStatus Status { get; }

    /// <summary>The call activity that started this instance, for a child instance.</summary>
    public ParentLink? Parent { get; }

    /// <summary>True once the instance has completed or been terminated.</summary>
    public bool HasEnded => Status is InstanceStatus.Completed or InstanceStatus.Terminated;

    /// <summary>The process-level variables.</summary>
    public ImmutableSortedDictionary<string, object?> Variables =>
        Scopes.Length > 0 && Scopes[0].ParentId is null ? Scopes[0].Variables : VariableMaps.Empty;

    /// <summary>The ids of the elements that hold a token (tasks, catch events, gateways, sub-processes…), sorted.</summary>
    public ImmutableArray<string> ActiveElementIds
    {
        get
        {
            if (_active.IsDefault) _active = [.. Tokens.Select(t => t.ElementId).Distinct().Order(StringComparer.Ordinal)];
            return _active;
        }
    }

    /// <summary>The open waits, oldest first; enough for the runtime to rebuild its index of waits.</summary>
    public ImmutableArray<WaitInfo> Waits
    {
        get
        {
            if (_waits.IsDefault)
                _waits = [.. WaitStates.Where(w => w.Kind != WaitKind.Conditional).Select(w => new WaitInfo(WaitId(w.Number), w.Kind, w.ElementId, w.DueAt, w.Name, w.CorrelationKey, w.ChildInstanceId))];
            return _waits;
        }
    }

    // Derived views, computed on first use; the state itself never changes, so a benign race only computes twice.
    private ImmutableArray<string> _active;
    private ImmutableArray<WaitInfo> _waits;

    /// <summary>The open incidents.</summary>
    public ImmutableArray<IncidentInfo> Incidents => [.. IncidentStates.Select(i => new IncidentInfo(i.ElementId, i.Message))];

    internal ImmutableArray<ScopeState> Scopes { get; }
    internal ImmutableArray<TokenState> Tokens { get; }
    internal ImmutableArray<WaitState> WaitStates { get; }
    internal ImmutableArray<IncidentState> IncidentStates { get; }
    internal int NextToken { get; }
    internal int NextScope { get; }
    internal int NextWait { get; }

    internal string WaitId(int number) => $"{InstanceId}/w{number}";
}
