using Wuyi.Engine.Model;
using Wuyi.Engine.State;
using Wuyi.Engine.Stimuli;

namespace Wuyi.Engine.Execution;

/// <summary>
/// The engine's two pure functions: start an instance, and apply one stimulus to one. Neither reads a clock,
/// does I/O or invents an id: time and ids arrive as arguments, so the same inputs always give byte-identical
/// states and traces. Each call runs until every path waits (or a step budget stops a runaway loop with an incident).
/// </summary>
public static class ProcessEngine
{
    /// <summary>Starts an instance of <paramref name="processId"/>.</summary>
    /// <exception cref="ArgumentException">The process or start event does not exist: a caller's mistake, not a model's.</exception>
    public static StepResult Start(BpmnDefinitions definitions, string processId, StartRequest request, DateTimeOffset now)
    {
        if (!definitions.Processes.TryGetValue(processId, out var process))
            throw new ArgumentException($"the definitions hold no process '{processId}'", nameof(processId));
        var root = process.Scopes[process.Id];
        var startId = request.StartEventId ?? root.NoneStartId
            ?? (process.StartTriggers.Length == 1 ? process.StartTriggers[0].ElementId : null)
            ?? throw new ArgumentException($"the process '{processId}' has no none start event: name the start event to start at", nameof(request));
        if (!process.Nodes.TryGetValue(startId, out var start) || start.Kind != NodeKind.StartEvent || start.ScopeId != process.Id)
            throw new ArgumentException($"'{startId}' is not a start event of the process '{processId}'", nameof(request));
        var run = InstanceExecution.ForNew(definitions, process, request, now);
        run.Start(start, request.Variables);
        return run.Result();
    }

    /// <summary>
    /// Applies <paramref name="stimulus"/> to <paramref name="state"/>. A stimulus for a wait that no longer
    /// exists (a task completed twice, a timer that lost a race) changes nothing and says why in
    /// <see cref="StepResult.Refusal"/>: stimuli are idempotent.
    /// </summary>
    /// <exception cref="ArgumentException">The state's process is not in <paramref name="definitions"/>, or the state
    /// refers to elements the process does not have (another version of the model).</exception>
    public static StepResult Step(BpmnDefinitions definitions, InstanceState state, Stimulus stimulus, DateTimeOffset now)
    {
        if (!definitions.Processes.TryGetValue(state.ProcessId, out var process))
            throw new ArgumentException($"the definitions hold no process '{state.ProcessId}'", nameof(definitions));
        if (state.HasEnded) return new StepResult(state, [], [], "the instance has ended");
        // A state from another version of the model would point at elements this one lacks.
        var stranger = state.Tokens.Select(t => t.ElementId).Concat(state.WaitStates.Select(w => w.ElementId))
            .FirstOrDefault(id => !process.Nodes.ContainsKey(id));
        if (stranger is not null)
            throw new ArgumentException($"the state refers to '{stranger}', which the process '{process.Id}' does not have: wrong definitions version?", nameof(state));
        var run = InstanceExecution.From(definitions, process, state, now);
        var refusal = run.Apply(stimulus);
        return refusal is null ? run.Result() : new StepResult(state, [], [], refusal);
    }
}
