using Wuyi.Engine.Simulation;
using Wuyi.Engine.Tests.Support;
using static Wuyi.Engine.Tests.Support.Bpmn;

namespace Wuyi.Engine.Tests.Simulation;

public class SimulatorTests
{
    private static (int Exit, List<string> Out, List<string> Err) Run(string xml, string? scenario = null, string? process = null,
        Func<string, string?>? resolve = null, int followUpBudget = 10_000)
    {
        var output = new List<string>();
        var errors = new List<string>();
        var exit = Simulator.Run(new SimulationInput(xml, "model.bpmn", scenario, process, resolve), output.Add, errors.Add, followUpBudget);
        return (exit, output, errors);
    }

    private static readonly string Simple = Process("""
        <startEvent id="s"/>
        <userTask id="u" camunda:assignee="ann"/>
        <endEvent id="e"/>
        """ + Chain("s", "u", "e"));

    [Fact]
    public void Run_NoScenario_StartsOnceAndEndsWithResultLine()
    {
        var (exit, output, errors) = Run(Simple);

        Assert.Equal(0, exit);
        Assert.Empty(errors);
        Assert.Equal("""{"type":"result","instances":[{"instance":"i1","process":"p","businessKey":null,"state":"waiting","active":["u"],"variables":{}}]}""", output[^1]);
        Assert.StartsWith("""{"at":"2022-08-24T00:00:00+08:00","type":"instance-started","instance":"i1","process":"p"}""", output[0]);
    }

    [Fact]
    public void Run_SeveralExecutableProcesses_NeedsProcessChoice()
    {
        var xml = Definitions("""
            <process id="a" isExecutable="true"><startEvent id="s1"/></process>
            <process id="b" isExecutable="true"><startEvent id="s2"/></process>
            <process id="c" isExecutable="false"><startEvent id="s3"/></process>
            """);

        var (exit, _, errors) = Run(xml);
        Assert.Equal(2, exit);
        Assert.Contains("a, b", Assert.Single(errors));

        Assert.Equal(0, Run(xml, process: "b").Exit);
        Assert.Equal(2, Run(xml, process: "c").Exit);
    }

    [Fact]
    public void Run_CompleteWhenNoTaskOpen_FailsNamingTheStep()
    {
        var (exit, output, errors) = Run(Simple, """{"steps":[{"complete":"u"},{"complete":"u"}]}""");

        Assert.Equal(2, exit);
        Assert.StartsWith("$.steps[1].complete: no open task 'u'", Assert.Single(errors));
        Assert.StartsWith("""{"type":"result""", output[^1]);
    }

    [Fact]
    public void Run_CompleteNarrowedByAssignee_TakesMatchingTask()
    {
        var (exit, _, errors) = Run(Simple, """{"steps":[{"complete":"u","assignee":"bob"}]}""");
        Assert.Equal(2, exit);
        Assert.Contains("assigned to 'bob'", errors[0]);

        Assert.Equal(0, Run(Simple, """{"steps":[{"complete":"u","assignee":"ann"},{"expect":{"state":"completed"}}]}""").Exit);
    }

    [Fact]
    public void Run_InvalidJson_ExitTwoWithPath()
    {
        var (exit, output, errors) = Run(Simple, "{ not json");

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.StartsWith("$: not valid JSON", errors[0]);
    }

    [Fact]
    public void Run_CalledModelMissing_ExitTwoNamingCallActivity()
    {
        var xml = Process("""
            <startEvent id="s"/>
            <callActivity id="call" calledElement="nowhere"/>
            """ + Chain("s", "call"));

        var (exit, _, errors) = Run(xml);

        Assert.Equal(2, exit);
        Assert.Contains("call: the called process 'nowhere' was not found", errors[0]);
    }

    [Fact]
    public void Run_TimerStartCycle_StartsAnInstanceAtEachFiring()
    {
        var xml = Process("""
            <startEvent id="s"><timerEventDefinition><timeCycle>R3/P1D</timeCycle></timerEventDefinition></startEvent>
            <userTask id="inspect"/>
            """ + Chain("s", "inspect"));

        var (exit, output, _) = Run(xml, """{"steps":[{"advance":"P10D"}]}""");

        Assert.Equal(0, exit);
        Assert.Equal(3, output.Count(l => l.Contains("\"instance-started\"")));
        Assert.Contains("\"instance\":\"i3\"", output[^1]);
    }

    [Fact]
    public void Run_SignalStartAndSignalCatch_BothReached()
    {
        var xml = Definitions("""
            <signal id="sig" name="Alert"/>
            <process id="p" isExecutable="true">
              <startEvent id="s"/>
              <intermediateCatchEvent id="c"><signalEventDefinition signalRef="sig"/></intermediateCatchEvent>
              <endEvent id="e"/>
              <sequenceFlow id="f1" sourceRef="s" targetRef="c"/>
              <sequenceFlow id="f2" sourceRef="c" targetRef="e"/>
            </process>
            <process id="q" isExecutable="false">
              <startEvent id="qs"><signalEventDefinition signalRef="sig"/></startEvent>
            </process>
            """);

        var (exit, output, _) = Run(xml, """{"steps":[{"signal":"Alert"},{"expect":{"state":"completed"}}]}""");

        Assert.Equal(0, exit);
        Assert.Contains(output, l => l.Contains("\"signal-received\""));
    }

    [Fact]
    public void Run_ThrownMessage_CorrelatesToOtherInstance()
    {
        var xml = Definitions("""
            <message id="m" name="Go"/>
            <process id="p" isExecutable="true">
              <startEvent id="s"/>
              <intermediateThrowEvent id="t"><messageEventDefinition messageRef="m"/></intermediateThrowEvent>
              <sequenceFlow id="f1" sourceRef="s" targetRef="t"/>
            </process>
            <process id="q" isExecutable="true">
              <startEvent id="qs"><messageEventDefinition messageRef="m"/></startEvent>
            </process>
            """);

        var (exit, output, _) = Run(xml, process: "p");

        Assert.Equal(0, exit);
        Assert.Contains("\"process\":\"q\"", output[^1]);
    }

    [Fact]
    public void Run_TimerCycleFarShorterThanAdvance_StopsWithExitTwo()
    {
        var xml = Process("""
            <startEvent id="s"/>
            <userTask id="u"/>
            <boundaryEvent id="tick" attachedToRef="u" cancelActivity="false"><timerEventDefinition><timeCycle>R/PT1M</timeCycle></timerEventDefinition></boundaryEvent>
            """ + Chain("s", "u"));

        var (exit, _, errors) = Run(xml, """{"steps":[{"advance":"P1D"}]}""", followUpBudget: 200);

        Assert.Equal(2, exit);
        Assert.Contains("$.steps[0]: the simulation stopped", Assert.Single(errors));
    }

    [Fact]
    public void Run_SignalsBouncingBetweenInstances_StopsWithExitTwo()
    {
        var xml = Definitions("""
            <signal id="ping" name="Ping"/>
            <process id="p" isExecutable="true">
              <startEvent id="s"/>
              <intermediateThrowEvent id="t"><signalEventDefinition signalRef="ping"/></intermediateThrowEvent>
              <sequenceFlow id="f1" sourceRef="s" targetRef="t"/>
            </process>
            <process id="q" isExecutable="false">
              <startEvent id="qs"><signalEventDefinition signalRef="ping"/></startEvent>
              <intermediateThrowEvent id="qt"><signalEventDefinition signalRef="ping"/></intermediateThrowEvent>
              <sequenceFlow id="f2" sourceRef="qs" targetRef="qt"/>
            </process>
            """).Replace("id=\"q\" isExecutable=\"false\"", "id=\"q\" isExecutable=\"true\"");

        var (exit, _, errors) = Run(xml, process: "p", followUpBudget: 200);

        Assert.Equal(2, exit);
        Assert.Contains("follow-ups", Assert.Single(errors));
    }
}
