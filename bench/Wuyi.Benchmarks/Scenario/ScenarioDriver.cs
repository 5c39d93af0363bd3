using Wuyi.Engine.Execution;
using Wuyi.Engine.State;
using Wuyi.Engine.Stimuli;

namespace Wuyi.Benchmarks.Scenario;

/// <summary>
/// Drives one instance from start to end by answering its oldest answerable wait, one stimulus at a time:
/// a service task completes, a user or receive task is completed, a timer fires (the virtual clock jumps to
/// its due time). Message and signal waits (boundaries) are left open: the scenario takes the happy path.
/// </summary>
public static class ScenarioDriver
{
    private static readonly IReadOnlyDictionary<string, object?> NoVariables = new Dictionary<string, object?>();

    /// <summary>The business key every instance gets (as long as a real application number).</summary>
    public const string BusinessKey = "APP-2026-000123";

    /// <summary>An instance id as long as the runtime's (a UUID), for the size of a stored state.</summary>
    public const string UuidLikeInstanceId = "0195f3a2-7c4e-7b1a-9d2e-3f6a8b9c0d1e";

    /// <summary>Runs one instance to its end; returns the number of stimuli applied (the start not counted).</summary>
    public static int Run(BenchModel model, string instanceId)
    {
        var now = BenchModel.T0;
        var result = ProcessEngine.Start(model.Definitions, model.ProcessId, new StartRequest(instanceId, BusinessKey, model.StartVariables), now);
        var state = Check(result, "start");
        var steps = 0;
        while (!state.HasEnded)
        {
            var (stimulus, due) = Answer(model, state);
            if (due is { } d && d > now) now = d;
            state = Check(ProcessEngine.Step(model.Definitions, state, stimulus, now), stimulus.ToString());
            steps++;
        }
        return steps;
    }

    /// <summary>Starts an instance and answers waits until a user task is open: the state a runtime stores most often.</summary>
    public static InstanceState WaitingAtFirstUserTask(BenchModel model, string instanceId)
    {
        var now = BenchModel.T0;
        var state = Check(ProcessEngine.Start(model.Definitions, model.ProcessId, new StartRequest(instanceId, BusinessKey, model.StartVariables), now), "start");
        while (!state.Waits.Any(w => w.Kind == WaitKind.UserTask))
        {
            if (state.HasEnded) throw new InvalidOperationException($"{model.Name}: the instance ended before any user task");
            var (stimulus, due) = Answer(model, state);
            if (due is { } d && d > now) now = d;
            state = Check(ProcessEngine.Step(model.Definitions, state, stimulus, now), stimulus.ToString());
        }
        return state;
    }

    public static (Stimulus Stimulus, DateTimeOffset? Due) Answer(BenchModel model, InstanceState state)
    {
        foreach (var wait in state.Waits)
        {
            var variables = model.Answers.GetValueOrDefault(wait.ElementId) ?? NoVariables;
            switch (wait.Kind)
            {
                case WaitKind.Service: return (new ServiceCompleted(wait.WaitId, variables), null);
                case WaitKind.UserTask or WaitKind.Receive: return (new CompleteTask(wait.WaitId, variables), null);
                case WaitKind.Timer: return (new TimerFired(wait.WaitId), wait.DueAt);
            }
        }
        throw new InvalidOperationException($"{model.Name}: instance {state.InstanceId} is stuck with waits " +
            string.Join(", ", state.Waits.Select(w => $"{w.ElementId}:{w.Kind}")));
    }

    private static InstanceState Check(StepResult result, string what)
    {
        if (!result.Applied) throw new InvalidOperationException($"{what} was refused: {result.Refusal}");
        if (result.State.Status == InstanceStatus.Failed)
            throw new InvalidOperationException($"{what} failed the instance: {string.Join("; ", result.State.Incidents.Select(i => $"{i.ElementId}: {i.Message}"))}");
        return result.State;
    }
}
