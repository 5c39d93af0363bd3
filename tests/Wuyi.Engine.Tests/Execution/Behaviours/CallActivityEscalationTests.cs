using Wuyi.Engine.Commands;
using Wuyi.Engine.Execution;
using Wuyi.Engine.State;
using Wuyi.Engine.Stimuli;
using Wuyi.Engine.Tests.Support;
using static Wuyi.Engine.Tests.Support.Bpmn;

namespace Wuyi.Engine.Tests.Execution.Behaviours;

/// <summary>
/// Camunda 7: an escalation a called child does not catch goes to its call activity in the parent, where an
/// escalation boundary event (interrupting or not) or, further out, an escalation event sub-process catches it;
/// uncaught there too, it changes nothing. The child reports it with <see cref="ChildOutcome.Escalated"/>.
/// </summary>
public class CallActivityEscalationTests
{
    private const string Escalations = """
        <escalation id="late" escalationCode="LATE"/><escalation id="finding" escalationCode="FINDING"/>
        """;

    private static readonly string Parent = Process("""
        <startEvent id="start"/>
        <callActivity id="inspect" calledElement="spotCheck"/>
        <boundaryEvent id="abandoned" attachedToRef="inspect"><escalationEventDefinition escalationRef="late"/></boundaryEvent>
        <boundaryEvent id="noted" attachedToRef="inspect" cancelActivity="false"><escalationEventDefinition escalationRef="finding"/></boundaryEvent>
        <userTask id="after"/>
        <userTask id="takeOver"/>
        <userTask id="followUp"/>
        """ + Chain("start", "inspect", "after") + Flow("fa", "abandoned", "takeOver") + Flow("fn", "noted", "followUp"), extra: Escalations);

    private static StepResult Escalate(EngineHarness h, string? code) => h.Step(new ChildEscalated(h.Wait("inspect").WaitId, code));

    [Fact]
    public void ChildEscalated_InterruptingBoundary_CancelsCallActivityAndChild()
    {
        var h = EngineHarness.Start(Parent);

        var result = Escalate(h, "LATE");

        Assert.Null(result.Refusal);
        Assert.Equal(["takeOver"], h.Active);
        Assert.Equal("i1.1", Assert.Single(result.Commands.OfType<CancelChild>()).ChildInstanceId);
        Assert.DoesNotContain(h.State.Waits, w => w.Kind == WaitKind.Child);
    }

    [Fact]
    public void ChildEscalated_NonInterruptingBoundary_KeepsWaitingForTheChild()
    {
        var h = EngineHarness.Start(Parent);

        var result = Escalate(h, "FINDING");
        Escalate(h, "FINDING");

        Assert.Empty(result.Commands.OfType<CancelChild>());
        Assert.Equal(["followUp", "inspect"], h.Active);
        Assert.Equal(2, h.State.Waits.Count(w => w.ElementId == "followUp"));
        h.Step(new ChildCompleted(h.Wait("inspect").WaitId));
        Assert.Equal(["after", "followUp"], h.Active);
    }

    [Fact]
    public void ChildEscalated_NothingCatchesIt_ChangesNothing()
    {
        var h = EngineHarness.Start(Parent);
        var before = InstanceStateJson.Serialize(h.State);

        var result = Escalate(h, "OTHER");

        Assert.Null(result.Refusal);
        Assert.Empty(result.Commands);
        Assert.Equal(before, InstanceStateJson.Serialize(h.State));
    }

    [Fact]
    public void ChildEscalated_AfterTheCallActivityWasInterrupted_IsRefused()
    {
        var h = EngineHarness.Start(Parent);
        var waitId = h.Wait("inspect").WaitId;
        Escalate(h, "LATE");

        var again = h.Step(new ChildEscalated(waitId, "FINDING"));

        Assert.NotNull(again.Refusal);
        Assert.Equal(["takeOver"], h.Active);
    }

    [Fact]
    public void ChildEscalated_EventSubProcessOfTheParent_CatchesWhatTheBoundariesDoNot()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <callActivity id="inspect" calledElement="spotCheck"/>
            <userTask id="after"/>
            <subProcess id="onEscalation" triggeredByEvent="true">
              <startEvent id="escalationStart" isInterrupting="false"><escalationEventDefinition/></startEvent>
              <userTask id="inform"/>
              <sequenceFlow id="e1" sourceRef="escalationStart" targetRef="inform"/>
            </subProcess>
            """ + Chain("start", "inspect", "after")));

        Escalate(h, "ANY");

        Assert.Equal(["inform", "inspect", "onEscalation"], h.Active);
    }

    [Fact]
    public void ChildEscalated_CalledChildItself_PassesItOnToItsOwnParent()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <callActivity id="inspect" calledElement="spotCheck"/>
            <userTask id="after"/>
            """ + Chain("start", "inspect", "after")), parent: new ParentLink("i0", "i0/w3"));

        var result = Escalate(h, "LATE");

        var report = Assert.Single(result.Commands.OfType<ReportToParent>());
        Assert.Equal(("i0", "i0/w3", ChildOutcome.Escalated, "LATE"), (report.ParentInstanceId, report.ParentWaitId, report.Outcome, report.ErrorCode));
        Assert.Equal(["inspect"], h.Active);
    }

    [Fact]
    public void ChildEscalated_OneChildOfAMultiInstanceCall_InterruptsTheWholeActivity()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <callActivity id="inspect" calledElement="spotCheck">
              <multiInstanceLoopCharacteristics><loopCardinality>3</loopCardinality></multiInstanceLoopCharacteristics>
            </callActivity>
            <boundaryEvent id="abandoned" attachedToRef="inspect"><escalationEventDefinition escalationRef="late"/></boundaryEvent>
            <userTask id="after"/>
            <userTask id="takeOver"/>
            """ + Chain("start", "inspect", "after") + Flow("fa", "abandoned", "takeOver"), extra: Escalations));
        var second = h.State.Waits.Where(w => w.Kind == WaitKind.Child).ElementAt(1);

        var result = h.Step(new ChildEscalated(second.WaitId, "LATE"));

        Assert.Equal(["takeOver"], h.Active);
        Assert.Equal(3, result.Commands.OfType<CancelChild>().Count());
    }

    private static readonly string Child = Process("""
        <startEvent id="start"/>
        <userTask id="check"/>
        <intermediateThrowEvent id="raiseFinding"><escalationEventDefinition escalationRef="finding"/></intermediateThrowEvent>
        <userTask id="conclude"/>
        <exclusiveGateway id="abandon" default="toDone"/>
        <endEvent id="giveUp"><escalationEventDefinition escalationRef="late"/></endEvent>
        <endEvent id="done"/>
        """ + Chain("start", "check", "raiseFinding", "conclude", "abandon") + Flow("toGiveUp", "abandon", "giveUp", "${abandoned}")
        + Flow("toDone", "abandon", "done"), id: "spotCheck", extra: Escalations);

    [Fact]
    public void Throw_EscalationTheChildDoesNotCatch_IsReportedAndTheChildGoesOn()
    {
        var h = EngineHarness.Start(Child, processId: "spotCheck", parent: new ParentLink("i0", "i0/w1"));

        var result = h.Complete("check");

        var report = Assert.Single(result.Commands.OfType<ReportToParent>());
        Assert.Equal(("i0", "i0/w1", ChildOutcome.Escalated, "FINDING"), (report.ParentInstanceId, report.ParentWaitId, report.Outcome, report.ErrorCode));
        Assert.Empty(report.Variables);
        Assert.Equal(["conclude"], h.Active);
    }

    [Fact]
    public void End_EscalationEndInChild_ReportsTheEscalationBeforeTheEnd()
    {
        var h = EngineHarness.Start(Child, processId: "spotCheck", parent: new ParentLink("i0", "i0/w1"));
        h.Complete("check");

        var result = h.Complete("conclude", EngineHarness.Vars(("abandoned", true)));

        Assert.Equal([ChildOutcome.Escalated, ChildOutcome.Completed], result.Commands.OfType<ReportToParent>().Select(r => r.Outcome));
        Assert.Equal("LATE", result.Commands.OfType<ReportToParent>().First().ErrorCode);
        Assert.Equal(InstanceStatus.Completed, h.State.Status);
    }

    [Fact]
    public void Throw_EscalationCaughtInsideTheChild_IsNotReported()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <intermediateThrowEvent id="raise"><escalationEventDefinition escalationRef="finding"/></intermediateThrowEvent>
            <userTask id="conclude"/>
            <subProcess id="onFinding" triggeredByEvent="true">
              <startEvent id="findingStart" isInterrupting="false"><escalationEventDefinition escalationRef="finding"/></startEvent>
              <userTask id="record"/>
              <sequenceFlow id="e1" sourceRef="findingStart" targetRef="record"/>
            </subProcess>
            """ + Chain("start", "raise", "conclude"), id: "spotCheck", extra: Escalations), processId: "spotCheck", parent: new ParentLink("i0", "i0/w1"));

        Assert.Empty(h.Commands.OfType<ReportToParent>());
        Assert.Equal(["conclude", "onFinding", "record"], h.Active);
    }

    [Fact]
    public void Throw_EscalationInAnInstanceWithoutParent_ReportsNothing()
    {
        var h = EngineHarness.Start(Child, processId: "spotCheck");

        var result = h.Complete("check");

        Assert.Empty(result.Commands.OfType<ReportToParent>());
        Assert.Equal(["conclude"], h.Active);
    }
}
