using Wuyi.Engine.Execution;
using Wuyi.Engine.Model;
using Wuyi.Engine.State;
using Wuyi.Engine.Stimuli;
using Wuyi.Engine.Tests.Support;
using Wuyi.Engine.Trace;

namespace Wuyi.Engine.Tests.Execution;

public class DeterminismTests
{
    // Replays a run: the stimuli are chosen from the state (first open wait of each kind), so the same
    // definitions and start give the same sequence; each replay must give byte-identical states and traces.
    private static (List<string> States, List<string> Trace) Replay(BpmnDefinitions definitions, string processId)
    {
        var now = EngineHarness.T0;
        var states = new List<string>();
        var trace = new List<string>();
        var result = ProcessEngine.Start(definitions, processId, new StartRequest("i1", "460105001001",
            EngineHarness.Vars(("areaCode", "460105001001"), ("closeContacts", 0), ("approved", true))), now);
        for (var i = 0; i < 20 && !result.State.HasEnded; i++)
        {
            states.Add(InstanceStateJson.Serialize(result.State));
            trace.AddRange(result.Events.Select(TraceEventJson.Serialize));
            var wait = result.State.Waits.FirstOrDefault();
            if (wait is null) break;
            now = now.AddHours(1);
            Stimulus stimulus = wait.Kind switch
            {
                WaitKind.Timer => new TimerFired(wait.WaitId),
                WaitKind.Message => new MessageReceived(wait.WaitId),
                WaitKind.Service => new ServiceCompleted(wait.WaitId, EngineHarness.Vars(("published", true))),
                WaitKind.Child => new ChildCompleted(wait.WaitId),
                _ => new CompleteTask(wait.WaitId, EngineHarness.Vars(("approved", true))),
            };
            result = ProcessEngine.Step(definitions, result.State, stimulus, now);
        }
        states.Add(InstanceStateJson.Serialize(result.State));
        trace.AddRange(result.Events.Select(TraceEventJson.Serialize));
        return (states, trace);
    }

    [Theory]
    [InlineData("certification.bpmn", "certification")]
    [InlineData("timers.bpmn", "timers")]
    [InlineData("call-activity.bpmn", "parent")]
    public void Step_SameStimuli_ByteIdenticalStatesAndTrace(string file, string processId)
    {
        var first = Replay(EngineHarness.Parse(TestFiles.Read(file)), processId);
        var second = Replay(EngineHarness.Parse(TestFiles.Read(file)), processId);

        Assert.True(first.States.Count > 1);
        Assert.Equal(first.States, second.States);
        Assert.Equal(first.Trace, second.Trace);
    }

    [Fact]
    public void Step_FromDeserialisedStateAtEveryPoint_SameAsFromLiveState()
    {
        var definitions = EngineHarness.Parse(TestFiles.Read("certification.bpmn"));
        var (states, _) = Replay(definitions, "certification");

        foreach (var json in states)
            Assert.Equal(json, InstanceStateJson.Serialize(InstanceStateJson.Deserialize(json)));
    }
}
