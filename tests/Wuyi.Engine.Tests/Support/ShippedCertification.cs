using System.Text.Json;
using Wuyi.Engine.Execution;
using Wuyi.Engine.Model;
using Wuyi.Engine.State;
using Wuyi.Engine.Stimuli;

namespace Wuyi.Engine.Tests.Support;

/// <summary>
/// The shipped certification model (<c>workflows/certification.bpmn</c>) driven along the benchmarks' scenario
/// (<c>bench/models/certification.scenario.json</c>) the way bench/Wuyi.Benchmarks' ScenarioDriver drives it:
/// a UUID-long instance id, the scenario's business key and start variables, then the oldest answerable wait
/// answered each time (services complete, tasks are completed with the scenario's variables, timers fire at
/// their due time), the scenario's message last. docs/benchmarks.md reports its sizes.
/// </summary>
internal static class ShippedCertification
{
    public const string InstanceId = "0195f3a2-7c4e-7b1a-9d2e-3f6a8b9c0d1e";

    public static string RepoRoot => Path.GetFullPath(Path.Combine(TestFiles.ProjectDirectory(), "..", ".."));

    /// <summary>Every state along the scenario, after the start and after each stimulus.</summary>
    public static List<InstanceState> States()
    {
        using var scenario = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot, "bench", "models", "certification.scenario.json")));
        var s = scenario.RootElement;
        var definitions = EngineHarness.Parse(File.ReadAllText(Path.Combine(RepoRoot, s.GetProperty("model").GetString()!)));
        var answers = s.GetProperty("answers");
        var skip = s.GetProperty("skip").EnumerateArray().Select(x => x.GetString()).ToHashSet();
        var last = s.GetProperty("finally");
        var now = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
        var state = ProcessEngine.Start(definitions, s.GetProperty("processId").GetString()!, new StartRequest(InstanceId,
            s.GetProperty("businessKey").GetString(), VariableJson.ObjectFromElement(s.GetProperty("startVariables"))), now).State;
        var states = new List<InstanceState> { state };
        while (!state.HasEnded)
        {
            Stimulus? stimulus = null;
            foreach (var wait in state.Waits.Where(w => !skip.Contains(w.ElementId)))
            {
                var variables = answers.TryGetProperty(wait.ElementId, out var a) ? VariableJson.ObjectFromElement(a) : null;
                stimulus = wait.Kind switch
                {
                    WaitKind.Service => new ServiceCompleted(wait.WaitId, variables),
                    WaitKind.UserTask or WaitKind.Receive => new CompleteTask(wait.WaitId, variables),
                    WaitKind.Timer => new TimerFired(wait.WaitId),
                    _ => null,
                };
                if (stimulus is TimerFired && wait.DueAt > now) now = wait.DueAt.Value;
                if (stimulus is not null) break;
            }
            stimulus ??= new MessageReceived(state.Waits.Single(w => w.ElementId == last.GetProperty("element").GetString()).WaitId,
                VariableJson.ObjectFromElement(last.GetProperty("variables")));
            var result = ProcessEngine.Step(definitions, state, stimulus, now);
            Assert.True(result.Applied, result.Refusal);
            Assert.NotEqual(InstanceStatus.Failed, result.State.Status);
            states.Add(state = result.State);
        }
        return states;
    }

    /// <summary>The same state with some process variables left out.</summary>
    public static InstanceState Without(InstanceState s, params string[] variables)
    {
        var root = s.Scopes[0] with { Variables = s.Scopes[0].Variables.RemoveRange(variables) };
        return new InstanceState(s.InstanceId, s.ProcessId, s.BusinessKey, s.Status, s.Parent, s.Scopes.SetItem(0, root), s.Tokens,
            s.WaitStates, s.IncidentStates, s.NextToken, s.NextScope, s.NextWait);
    }
}
