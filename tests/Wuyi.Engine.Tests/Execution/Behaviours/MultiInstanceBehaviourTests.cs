using Wuyi.Engine.Commands;
using Wuyi.Engine.State;
using Wuyi.Engine.Tests.Support;
using static Wuyi.Engine.Tests.Support.Bpmn;

namespace Wuyi.Engine.Tests.Execution.Behaviours;

public class MultiInstanceBehaviourTests
{
    private static string Review(string characteristics) => Process("""
        <startEvent id="start"/>
        <userTask id="review" camunda:assignee="${reviewer}">
        """ + characteristics + """
        </userTask>
        <userTask id="after"/>
        """ + Chain("start", "review", "after"));

    private static readonly string ParallelOverCollection = Review("""
        <multiInstanceLoopCharacteristics camunda:collection="reviewers" camunda:elementVariable="reviewer"/>
        """);

    private static readonly Dictionary<string, object?> ThreeReviewers = EngineHarness.Vars(("reviewers", new[] { "ann", "bo", "cy" }));

    [Fact]
    public void Enter_ParallelCollection_CreatesOneTaskPerItem()
    {
        var h = EngineHarness.Start(ParallelOverCollection, ThreeReviewers);

        Assert.Equal(["ann", "bo", "cy"], h.Commands.OfType<CreateUserTask>().Select(c => c.Assignee));
        Assert.Equal(["review"], h.Active);
        Assert.Equal(4, h.Trace("activity-started").Count(e => e == "review"));
    }

    [Fact]
    public void CompleteTask_AllParallelInstancesDone_BodyCompletesOnce()
    {
        var h = EngineHarness.Start(ParallelOverCollection, ThreeReviewers);

        foreach (var wait in h.State.Waits.ToList()) h.Step(new Stimuli.CompleteTask(wait.WaitId));

        Assert.Equal(["after"], h.Active);
        Assert.Single(h.Started, e => e == "after");
        Assert.False(h.State.Variables.ContainsKey("nrOfInstances"));
    }

    [Fact]
    public void Enter_Sequential_OneAtATimeInOrder()
    {
        var h = EngineHarness.Start(Review("""
            <multiInstanceLoopCharacteristics isSequential="true" camunda:collection="${reviewers}" camunda:elementVariable="reviewer"/>
            """), ThreeReviewers);

        Assert.Equal(["ann"], h.Commands.OfType<CreateUserTask>().Select(c => c.Assignee));
        h.Complete("review");
        h.Complete("review");
        Assert.Equal(["ann", "bo", "cy"], h.Commands.OfType<CreateUserTask>().Select(c => c.Assignee));
        h.Complete("review");
        Assert.Equal(["after"], h.Active);
    }

    [Fact]
    public void Enter_LoopCardinality_CreatesThatManyWithLoopCounter()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <userTask id="review"><multiInstanceLoopCharacteristics><loopCardinality>3</loopCardinality></multiInstanceLoopCharacteristics></userTask>
            <userTask id="after"/>
            """ + Chain("start", "review", "after")));

        Assert.Equal(3, h.Commands.OfType<CreateUserTask>().Count());
        var inner = h.State.Tokens.Where(t => t.ElementId == "review" && t.Locals.ContainsKey("loopCounter")).ToList();
        Assert.Equal([0L, 1L, 2L], inner.Select(t => t.Locals["loopCounter"]));
        var body = h.State.Scopes.Single(s => s.Kind == ScopeKind.MultiInstance);
        Assert.Equal((3L, 3L, 0L), (body.Variables["nrOfInstances"], body.Variables["nrOfActiveInstances"], body.Variables["nrOfCompletedInstances"]));
    }

    [Fact]
    public void CompleteTask_CompletionConditionHolds_CancelsTheRest()
    {
        var h = EngineHarness.Start(Review("""
            <multiInstanceLoopCharacteristics camunda:collection="reviewers" camunda:elementVariable="reviewer">
              <completionCondition>${nrOfCompletedInstances >= 2}</completionCondition>
            </multiInstanceLoopCharacteristics>
            """), ThreeReviewers);

        var waits = h.State.Waits.ToList();
        h.Step(new Stimuli.CompleteTask(waits[0].WaitId));
        h.Step(new Stimuli.CompleteTask(waits[1].WaitId));

        Assert.Equal(["after"], h.Active);
        Assert.Single(h.Last.Commands.OfType<CancelUserTask>());
        Assert.Equal(["review"], h.Trace("activity-cancelled"));
    }

    [Fact]
    public void Enter_EmptyCardinality_SkipsActivity()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <userTask id="review"><multiInstanceLoopCharacteristics><loopCardinality>0</loopCardinality></multiInstanceLoopCharacteristics></userTask>
            <userTask id="after"/>
            """ + Chain("start", "review", "after")));

        Assert.Equal(["after"], h.Active);
    }

    [Fact]
    public void TimerFired_BoundaryOnMultiInstance_CancelsAllInnerInstances()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <userTask id="review"><multiInstanceLoopCharacteristics><loopCardinality>2</loopCardinality></multiInstanceLoopCharacteristics></userTask>
            <boundaryEvent id="b" attachedToRef="review"><timerEventDefinition><timeDuration>P1D</timeDuration></timerEventDefinition></boundaryEvent>
            <userTask id="late"/>
            """ + Chain("start", "review") + Flow("fl", "b", "late")));

        Assert.Single(h.State.Waits, w => w.Kind == WaitKind.Timer);
        h.FireTimer("b");

        Assert.Equal(["late"], h.Active);
        Assert.Equal(2, h.Last.Commands.OfType<CancelUserTask>().Count());
    }

    [Fact]
    public void Enter_MultiInstanceSubProcess_EachInnerRunsItsOwnScope()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <subProcess id="sub">
              <multiInstanceLoopCharacteristics isSequential="false"><loopCardinality>2</loopCardinality></multiInstanceLoopCharacteristics>
              <startEvent id="s1"/>
              <userTask id="inner"/>
              <sequenceFlow id="i1" sourceRef="s1" targetRef="inner"/>
            </subProcess>
            <userTask id="after"/>
            """ + Chain("start", "sub", "after")));

        Assert.Equal(2, h.State.Waits.Length);
        foreach (var wait in h.State.Waits.ToList()) h.Step(new Stimuli.CompleteTask(wait.WaitId));
        Assert.Equal(["after"], h.Active);
    }

    [Fact]
    public void Enter_MultiInstanceCallActivity_StartsOneChildPerInstance()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <callActivity id="c" calledElement="child"><multiInstanceLoopCharacteristics><loopCardinality>3</loopCardinality></multiInstanceLoopCharacteristics></callActivity>
            """ + Chain("start", "c")));

        Assert.Equal(3, h.Commands.OfType<StartChild>().Select(s => s.ChildInstanceId).Distinct().Count());
    }
}
