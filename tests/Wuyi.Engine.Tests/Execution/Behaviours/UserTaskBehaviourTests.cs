using Wuyi.Engine.Commands;
using Wuyi.Engine.State;
using Wuyi.Engine.Tests.Support;
using static Wuyi.Engine.Tests.Support.Bpmn;

namespace Wuyi.Engine.Tests.Execution.Behaviours;

public class UserTaskBehaviourTests
{
    private static readonly string Model = Process("""
        <startEvent id="start"/>
        <userTask id="review" name="Review" camunda:assignee="alice" camunda:candidateGroups="reviewers, admins"
                  camunda:dueDate="2022-08-30T00:00:00+08:00" camunda:formKey="forms/review" camunda:priority="60"/>
        <endEvent id="end"/>
        """ + Chain("start", "review", "end"));

    [Fact]
    public void Start_UserTask_WaitsAndCreatesTask()
    {
        var h = EngineHarness.Start(Model);

        Assert.Equal(InstanceStatus.Waiting, h.State.Status);
        Assert.Equal(["review"], h.Active);
        var create = Assert.Single(h.Commands.OfType<CreateUserTask>());
        Assert.Equal("i1/w1", create.WaitId);
        Assert.Equal("alice", create.Assignee);
        Assert.Equal(["reviewers", "admins"], create.CandidateGroups.ToArray());
        Assert.Equal("forms/review", create.FormKey);
        Assert.Equal(60, create.Priority);
        Assert.Equal("2022-08-30T00:00:00+08:00", create.DueDate);
    }

    [Fact]
    public void Start_UserTask_TraceMatchesContract()
    {
        var h = EngineHarness.Start(Model);

        Assert.Equal([
            """{"at":"2022-08-24T09:00:00+08:00","type":"instance-started","instance":"i1","process":"p","businessKey":"bk1"}""",
            """{"at":"2022-08-24T09:00:00+08:00","type":"activity-started","instance":"i1","process":"p","element":"start","elementType":"startEvent"}""",
            """{"at":"2022-08-24T09:00:00+08:00","type":"activity-completed","instance":"i1","process":"p","element":"start","elementType":"startEvent"}""",
            """{"at":"2022-08-24T09:00:00+08:00","type":"activity-started","instance":"i1","process":"p","element":"review","elementType":"userTask"}""",
            """{"at":"2022-08-24T09:00:00+08:00","type":"task-created","instance":"i1","process":"p","element":"review","elementType":"userTask","assignee":"alice","candidateGroups":["reviewers","admins"],"dueDate":"2022-08-30T00:00:00+08:00","formKey":"forms/review"}""",
        ], h.Lines);
    }

    [Fact]
    public void CompleteTask_WithVariables_SetsProcessVariablesAndCompletes()
    {
        var h = EngineHarness.Start(Model);

        h.Complete("review", EngineHarness.Vars(("approved", true), ("score", 3)));

        Assert.Equal(InstanceStatus.Completed, h.State.Status);
        Assert.Equal(true, h.State.Variables["approved"]);
        Assert.Equal(3L, h.State.Variables["score"]);
        Assert.Equal(["instance-completed"], h.Last.Events.Select(e => e.Type).TakeLast(1));
    }

    [Fact]
    public void CompleteTask_Twice_SecondIsRefusedAndChangesNothing()
    {
        var h = EngineHarness.Start(Model);
        var waitId = h.Wait("review").WaitId;
        h.Step(new Stimuli.CompleteTask(waitId));
        var before = InstanceStateJson.Serialize(h.State);

        var again = h.Step(new Stimuli.CompleteTask(waitId));

        Assert.False(again.Applied);
        Assert.Equal(before, InstanceStateJson.Serialize(again.State));
        Assert.Empty(again.Events);
    }

    [Fact]
    public void Start_AssignmentExpressions_AreResolved()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <userTask id="review" camunda:assignee="${reviewer}" camunda:candidateGroups="township-reviewer:${townshipCode}"/>
            """ + Chain("start", "review")), EngineHarness.Vars(("reviewer", "bob"), ("townshipCode", "460105001")));

        var create = Assert.Single(h.Commands.OfType<CreateUserTask>());
        Assert.Equal("bob", create.Assignee);
        Assert.Equal(["township-reviewer:460105001"], create.CandidateGroups.ToArray());
    }

    [Fact]
    public void Start_AssignmentExpressionFails_RaisesIncident()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <userTask id="review" camunda:assignee="${missingVariable}"/>
            """ + Chain("start", "review")));

        Assert.Equal(InstanceStatus.Failed, h.State.Status);
        Assert.Single(h.Commands.OfType<RaiseIncident>());
        Assert.Equal(["review"], h.Active);
    }
}
