using Wuyi.Engine.Execution;
using Wuyi.Engine.State;
using Wuyi.Engine.Stimuli;
using Wuyi.Engine.Trace;

namespace Wuyi.Benchmarks.Scenario;

/// <summary>
/// Drives one instance from start to end by answering its oldest answerable wait, one stimulus at a time:
/// a service task completes, a user or receive task is completed, a timer fires (the virtual clock jumps to
/// its due time). Message and signal waits (boundaries) are left open, except the scenario's "finally" wait,
/// answered once nothing else is; waits at the scenario's "skip" elements are never answered.
/// </summary>
public static class ScenarioDriver
{
    /// <summary>An instance id as long as the runtime's (a UUID), for the size of a stored state.</summary>
    public const string UuidLikeInstanceId = "0195f3a2-7c4e-7b1a-9d2e-3f6a8b9c0d1e";

    /// <summary>Runs one instance to its end; returns the number of stimuli applied (the start not counted).</summary>
    public static int Run(BenchModel model, string instanceId, List<TraceEvent>? trace = null)
    {
        var now = BenchModel.T0;
        var result = ProcessEngine.Start(model.Definitions, model.ProcessId, new StartRequest(instanceId, model.BusinessKey, model.StartVariables), now);
        trace?.AddRange(result.Events);
        var state = Check(result, "start");
        var steps = 0;
        while (!state.HasEnded)
        {
            var (stimulus, due) = Answer(model, state);
            if (due is { } d && d > now) now = d;
            result = ProcessEngine.Step(model.Definitions, state, stimulus, now);
            trace?.AddRange(result.Events);
            state = Check(result, stimulus);
            steps++;
        }
        return steps;
    }

    /// <summary>The largest serialised state along the scenario (after the start and after each stimulus), and where it waited then.</summary>
    public static (int Bytes, string WaitingAt, string Json) LargestState(BenchModel model)
    {
        var now = BenchModel.T0;
        var state = Check(ProcessEngine.Start(model.Definitions, model.ProcessId, new StartRequest(UuidLikeInstanceId, model.BusinessKey, model.StartVariables), now), "start");
        var largest = (Bytes: 0, WaitingAt: "", Json: "");
        while (true)
        {
            var json = InstanceStateJson.SerializeToUtf8Bytes(state);
            if (json.Length > largest.Bytes)
                largest = (json.Length, string.Join("+", state.Waits.Select(w => w.ElementId)), System.Text.Encoding.UTF8.GetString(json));
            if (state.HasEnded) return largest;
            var (stimulus, due) = Answer(model, state);
            if (due is { } d && d > now) now = d;
            state = Check(ProcessEngine.Step(model.Definitions, state, stimulus, now), stimulus);
        }
    }

    /// <summary>Runs one instance and checks it took the scenario's path (reached its expected end event).</summary>
    public static int RunChecked(BenchModel model)
    {
        var trace = new List<TraceEvent>();
        var steps = Run(model, "probe", trace);
        if (model.ExpectEnd is { } end && !trace.Any(e => e.Element == end))
            throw new InvalidOperationException($"{model.Name}: the scenario did not reach '{end}'; it went through " +
                string.Join(", ", trace.Where(e => e.Type == "activity-started").Select(e => e.Element)));
        return steps;
    }

    /// <summary>Starts an instance and answers waits until a user task is open: the state a runtime stores most often.</summary>
    public static InstanceState WaitingAtFirstUserTask(BenchModel model, string instanceId)
    {
        var now = BenchModel.T0;
        var state = Check(ProcessEngine.Start(model.Definitions, model.ProcessId, new StartRequest(instanceId, model.BusinessKey, model.StartVariables), now), "start");
        while (!state.Waits.Any(w => w.Kind == WaitKind.UserTask))
        {
            if (state.HasEnded) throw new InvalidOperationException($"{model.Name}: the instance ended before any user task");
            var (stimulus, due) = Answer(model, state);
            if (due is { } d && d > now) now = d;
            state = Check(ProcessEngine.Step(model.Definitions, state, stimulus, now), stimulus);
        }
        return state;
    }

    public static (Stimulus Stimulus, DateTimeOffset? Due) Answer(BenchModel model, InstanceState state)
    {
        var waits = state.Waits;
        foreach (var wait in waits)
        {
            if (model.Skip.Contains(wait.ElementId)) continue;
            var variables = model.AnswerFor(wait.ElementId);
            switch (wait.Kind)
            {
                case WaitKind.Service: return (new ServiceCompleted(wait.WaitId, variables), null);
                case WaitKind.UserTask or WaitKind.Receive: return (new CompleteTask(wait.WaitId, variables), null);
                case WaitKind.Timer: return (new TimerFired(wait.WaitId), wait.DueAt);
            }
        }
        foreach (var wait in waits)
        {
            if (wait.ElementId != model.FinallyElement) continue;
            if (wait.Kind == WaitKind.Message) return (new MessageReceived(wait.WaitId, model.FinallyVariables), null);
            if (wait.Kind == WaitKind.Signal) return (new SignalReceived(wait.Name!, model.FinallyVariables), null);
        }
        throw new InvalidOperationException($"{model.Name}: instance {state.InstanceId} is stuck with waits " +
            string.Join(", ", state.Waits.Select(w => $"{w.ElementId}:{w.Kind}")));
    }

    // `what` is formatted only on failure: a record's ToString in the loop would be measured too.
    private static InstanceState Check(StepResult result, object what)
    {
        if (!result.Applied) throw new InvalidOperationException($"{what} was refused: {result.Refusal}");
        if (result.State.Status == InstanceStatus.Failed)
            throw new InvalidOperationException($"{what} failed the instance: {string.Join("; ", result.State.Incidents.Select(i => $"{i.ElementId}: {i.Message}"))}");
        return result.State;
    }
}
