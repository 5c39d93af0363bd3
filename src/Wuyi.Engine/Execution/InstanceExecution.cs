using System.Collections.Immutable;
using Wuyi.Engine.Commands;
using Wuyi.Engine.Model;
using Wuyi.Engine.State;
using Wuyi.Engine.Trace;

namespace Wuyi.Engine.Execution;

/// <summary>
/// The working copy of one instance while one stimulus is applied: built from an immutable
/// <see cref="InstanceState"/>, changed in place by the element behaviours, frozen into a new state at the
/// end. It lives for one step only and is never shared, which keeps the public surface purely functional.
/// </summary>
internal sealed partial class InstanceExecution
{
    /// <summary>How many flow nodes one stimulus may enter before the path is judged a runaway loop.</summary>
    public const int StepBudget = 10_000;

    private readonly SortedDictionary<int, ScopeState> _scopes = [];
    private readonly SortedDictionary<int, TokenState> _tokens = [];
    private readonly SortedDictionary<int, WaitState> _waits = [];
    private readonly List<IncidentState> _incidents = [];
    private readonly List<EngineCommand> _commands = [];
    private readonly List<TraceEvent> _events = [];
    private readonly Queue<int> _agenda = new();
    private readonly Dictionary<string, int> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> _tokenEntries = [];
    private readonly ParentLink? _parent;
    private int _entered;
    private int _nextToken, _nextScope, _nextWait;
    private InstanceStatus _status;
    private bool _ended;

    private InstanceExecution(BpmnDefinitions definitions, ProcessDefinition process, string instanceId, string? businessKey,
        ParentLink? parent, DateTimeOffset now)
    {
        Definitions = definitions;
        Process = process;
        InstanceId = instanceId;
        BusinessKey = businessKey;
        _parent = parent;
        Now = now;
    }

    public BpmnDefinitions Definitions { get; }
    public ProcessDefinition Process { get; }
    public string InstanceId { get; }
    public string? BusinessKey { get; }
    public DateTimeOffset Now { get; }

    public static InstanceExecution ForNew(BpmnDefinitions definitions, ProcessDefinition process, StartRequest request, DateTimeOffset now) =>
        new(definitions, process, request.InstanceId, request.BusinessKey, request.Parent, now) { Initiator = request.Initiator };

    /// <summary>Who started the instance (a new instance only).</summary>
    public string? Initiator { get; private init; }

    public static InstanceExecution From(BpmnDefinitions definitions, ProcessDefinition process, InstanceState state, DateTimeOffset now)
    {
        var x = new InstanceExecution(definitions, process, state.InstanceId, state.BusinessKey, state.Parent, now)
        {
            _nextToken = state.NextToken,
            _nextScope = state.NextScope,
            _nextWait = state.NextWait,
            _status = state.Status,
            _ended = state.HasEnded,
        };
        foreach (var s in state.Scopes) x._scopes[s.Id] = s;
        foreach (var t in state.Tokens) x._tokens[t.Id] = t;
        foreach (var w in state.WaitStates) x._waits[w.Number] = w;
        x._incidents.AddRange(state.IncidentStates);
        return x;
    }

    public StepResult Result()
    {
        if (!_ended)
        {
            _status = _incidents.Count > 0 ? InstanceStatus.Failed
                : _waits.Values.Any(w => w.Kind == WaitKind.Service) ? InstanceStatus.Running
                : InstanceStatus.Waiting;
        }
        var state = new InstanceState(InstanceId, Process.Id, BusinessKey, _status, _parent, [.. _scopes.Values], [.. _tokens.Values],
            [.. _waits.Values], [.. _incidents], _nextToken, _nextScope, _nextWait);
        return new StepResult(state, [.. _commands], [.. _events]);
    }

    /// <summary>Runs queued token arrivals until every path waits, then retries inclusive joins that may now fire.</summary>
    public void Run()
    {
        while (true)
        {
            while (_agenda.TryDequeue(out var id))
            {
                if (!_tokens.TryGetValue(id, out var token) || token.Phase != TokenPhase.Arriving) continue;
                if (++_entered > StepBudget)
                {
                    StopRunaway(token);
                    return;
                }
                _entries[token.ElementId] = _entries.GetValueOrDefault(token.ElementId) + 1;
                Enter(token);
            }
            if (_ended) return;
            if (Behaviours.InclusiveGatewayBehaviour.TryFireWaitingJoin(this)) continue;
            if (!Behaviours.ConditionalEvents.Evaluate(this)) return;
        }
    }

    // A runaway step: every path still in motion stops with an incident naming the elements most entered; one is
    // announced, however many paths there were. A path loops when one token entered more nodes than the process
    // has; otherwise the step fanned out into more paths than one step may run, and the message says so.
    private void StopRunaway(TokenState first)
    {
        var hot = string.Join(", ", _entries.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(5).Select(p => p.Key));
        var loops = _tokenEntries.Count > 0 && _tokenEntries.Values.Max() > Process.Nodes.Count;
        var message = loops
            ? $"step budget of {StepBudget} exceeded: the path loops through {hot} without reaching a wait state"
            : $"step budget of {StepBudget} exceeded: {_tokenEntries.Count} parallel paths (at {hot}) were started in one step "
              + "before they reached a wait state: the fan-out is wider than one step may run";
        Incident(first, message, IncidentRetry.Enter);
        foreach (var t in _tokens.Values.Where(t => t.Phase == TokenPhase.Arriving).ToList())
            Incident(t, message, IncidentRetry.Enter, announce: false);
        _agenda.Clear();
    }

    public void Enqueue(TokenState token) => _agenda.Enqueue(token.Id);

    public TraceEvent NewEvent(string type, FlowNode? node = null) => new(Now, type)
    {
        Instance = InstanceId,
        Process = Process.Id,
        Element = node?.Id,
        ElementType = node?.ElementType,
    };

    public void Emit(TraceEvent e) => _events.Add(e);

    public void Emit(string type, FlowNode node) => _events.Add(NewEvent(type, node));

    public void Command(EngineCommand command) => _commands.Add(command);

    public FlowNode Node(string id) => Process.Nodes[id];

    public bool HasEnded => _ended;

    public ImmutableArray<IncidentState> Incidents => [.. _incidents];
}
