using System.Text.Json;

namespace Wuyi.Certification.Tests.Workflows;

/// <summary>
/// Every scenario kept in <c>Scenarios/</c> runs through the simulator with exit code 0 (every <c>expect</c> held);
/// a few rules that an <c>expect</c> cannot state are checked on the trace.
/// </summary>
public sealed class WorkflowScenarioTests
{
    public static TheoryData<string> Scenarios => [.. WorkflowFiles.ScenarioNames()];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Run_Scenario_EveryExpectationHoldsWithoutIncident(string scenario)
    {
        var run = ScenarioRunner.Run(scenario);

        Assert.True(run.ExitCode == 0, run.Describe());
        // An incident is a stuck path; no scenario here means one, even where its expectations still hold.
        Assert.True(!run.EventsOf("incident").Any(), run.Describe());
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Scenario_File_EndsWithExpectation(string scenario)
    {
        // A scenario that stops without an expect proves only that nothing crashed.
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(WorkflowFiles.ScenariosDirectory, scenario)), options);

        var last = doc.RootElement.GetProperty("steps").EnumerateArray().Last();

        Assert.True(last.TryGetProperty("expect", out _), $"{scenario}: the last step is {last.GetRawText()}");
    }

    [Theory]
    [InlineData("spot-check-covert-not-announced.json")]
    [InlineData("spot-check-covert-fails.json")]
    [InlineData("spot-check-unknown-mode-is-covert.json")]
    [InlineData("certification-spot-check-passes-and-recurs.json")]
    [InlineData("certification-spot-check-fail-cancels-and-rectifies.json")]
    [InlineData("certification-requested-spot-check-fails-while-suspended.json")]
    public void Run_CovertSpotCheck_AreaNeverNotifiedAndOnlyProvincialInspectorsAssigned(string scenario)
    {
        var run = ScenarioRunner.Run(scenario);

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(run.EventsOf("activity-started", "NotifyArea"));
        var tasks = run.EventsOf("task-created", "InspectCovertly").ToList();
        Assert.NotEmpty(tasks);
        Assert.All(tasks, t => Assert.Equal(["inspector:46"], Groups(t)));
    }

    [Theory]
    [InlineData("spot-check-open.json")]
    [InlineData("certification-requested-open-spot-check-passes.json")]
    public void Run_OpenSpotCheck_AreaNotifiedOnceBeforeTheInspection(string scenario)
    {
        var run = ScenarioRunner.Run(scenario);

        Assert.Equal(0, run.ExitCode);
        var notice = Assert.Single(run.EventsOf("activity-started", "NotifyArea"));
        var task = Assert.Single(run.EventsOf("task-created", "InspectOpenly"));
        Assert.True(IndexOf(run, notice) < IndexOf(run, task));
        Assert.Equal(["inspector:46", "inspector:460105"], Groups(task));
    }

    [Fact]
    public void Run_HappyPath_EachReviewGoesToItsRoleInTheAreasRegion()
    {
        var run = ScenarioRunner.Run("certification-happy-path.json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["township-reviewer:460105001"], Groups(Assert.Single(run.EventsOf("task-created", "TownshipReview"))));
        Assert.Equal(["county-assessor:460105"], Groups(Assert.Single(run.EventsOf("task-created", "CountyAssessment"))));
        Assert.Equal(["province-filer:46"], Groups(Assert.Single(run.EventsOf("task-created", "ProvincialFiling"))));
        Assert.Single(run.EventsOf("activity-started", "PublishResult"));
    }

    [Fact]
    public void Run_ReturnedForRevision_RevisionGoesToTheApplicantArea()
    {
        var run = ScenarioRunner.Run("certification-returned-for-revision.json");

        Assert.Equal(0, run.ExitCode);
        var revisions = run.EventsOf("task-created", "ReviseApplication").ToList();
        Assert.Equal(3, revisions.Count);
        Assert.All(revisions, t => Assert.Equal(["applicant:460105001001"], Groups(t)));
    }

    [Fact]
    public void Run_RecurringSpotCheck_ChildStartedAtOffsetThenEveryInterval()
    {
        // Certified 2022-08-27 10:00; spotCheckOffset P10D, spotCheckInterval P30D.
        var run = ScenarioRunner.Run("certification-spot-check-passes-and-recurs.json");

        Assert.Equal(0, run.ExitCode);
        var starts = run.EventsOf("child-started", "ScheduledCheck").Select(e => e.GetProperty("at").GetString()).ToList();
        Assert.Equal(["2022-09-06T10:00:00+08:00", "2022-10-06T10:00:00+08:00"], starts);
    }

    [Fact]
    public void Run_SpotCheckFails_RectificationAssignedToPracticeCentreWithCivilAffairsAndHealth()
    {
        var run = ScenarioRunner.Run("certification-spot-check-fail-cancels-and-rectifies.json");

        Assert.Equal(0, run.ExitCode);
        Assert.Single(run.EventsOf("child-started", "Rectification"));
        Assert.Equal(["civilisation-centre:460105"], Groups(Assert.Single(run.EventsOf("task-created", "PlanRectification"))));
        Assert.Equal(["civilisation-centre:460105", "civil-affairs:460105", "health:460105"],
            Groups(Assert.Single(run.EventsOf("task-created", "SuperviseRectification"))));
        Assert.Equal(["civil-affairs:460105"], Groups(Assert.Single(run.EventsOf("task-created", "VerifyCivilAffairs"))));
        Assert.Equal(["health:460105"], Groups(Assert.Single(run.EventsOf("task-created", "VerifyHealth"))));
    }

    private static string[] Groups(JsonElement taskCreated) =>
        [.. taskCreated.GetProperty("candidateGroups").EnumerateArray().Select(g => g.GetString()!)];

    private static int IndexOf(ScenarioRunResult run, JsonElement e) =>
        run.Events.Select((x, i) => (x, i)).First(p => p.x.GetRawText() == e.GetRawText()).i;
}
