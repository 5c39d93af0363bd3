using System.Text.Json;
using Xunit.Abstractions;
using Wuyi.Engine.Execution;
using Wuyi.Engine.Model;
using Wuyi.Engine.State;
using Wuyi.Engine.Stimuli;

namespace Wuyi.Certification.Tests.Workflows;

/// <summary>
/// A certified area's instance waits for years in dynamic management: its stored state must stay under the
/// engine's goal of 2 KB, so the review records live in the task rows, not in process variables.
/// </summary>
public sealed class CertifiedStateSizeTests(ITestOutputHelper output)
{
    /// <summary>The engine's goal for one waiting instance (docs/benchmarks.md, "Engine").</summary>
    private const int GoalBytes = 2048;

    private static readonly string[] ReviewRecords = ["townshipReview", "countyAssessment", "provincialFiling"];

    private static readonly string[] ReviewScratch = ["decision", "criteriaMet", "reviewComments"];

    [Fact]
    public void HappyPath_Certified_StateUnderTwoKilobytesWithoutReviewRecords()
    {
        var (largest, certified) = DriveHappyPath();
        output.WriteLine($"largest state {largest.Bytes} B, waiting at {largest.At}; certified {InstanceStateJson.SerializeToUtf8Bytes(certified).Length} B");

        Assert.True(largest.Bytes < GoalBytes, $"the largest state is {largest.Bytes} B, waiting at {largest.At}: {largest.Json}");
        Assert.Contains(certified.Waits, w => w.ElementId == "Certified");
        Assert.Equal("certified", certified.Variables["status"]);
        Assert.All(ReviewRecords.Concat(ReviewScratch), name => Assert.False(certified.Variables.ContainsKey(name), name));
    }

    /// <summary>
    /// Drives <c>certification-happy-path.json</c> to certified (the instance id as the domain makes it) and returns
    /// the largest serialised state along the way and the certified state.
    /// </summary>
    internal static ((int Bytes, string At, string Json) Largest, InstanceState Certified) DriveHappyPath()
    {
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        using var scenario = JsonDocument.Parse(File.ReadAllText(Path.Combine(WorkflowFiles.ScenariosDirectory, "certification-happy-path.json")), options);
        var root = scenario.RootElement;
        var definitions = BpmnDefinitions.Parse(WorkflowFiles.ReadModel("certification")).Definitions!;
        var now = root.GetProperty("start").GetDateTimeOffset();
        var services = root.GetProperty("services");
        var reviews = root.GetProperty("steps").EnumerateArray().Where(s => s.TryGetProperty("complete", out _))
            .ToDictionary(s => s.GetProperty("complete").GetString()!, s => (IReadOnlyDictionary<string, object?>)VariableJson.ObjectFromElement(s.GetProperty("variables")));
        var businessKey = root.GetProperty("businessKey").GetString()!;
        var state = Applied(ProcessEngine.Start(definitions, "certification",
            new StartRequest($"cert-{businessKey}-1", businessKey, VariableJson.ObjectFromElement(root.GetProperty("variables"))), now));
        var largest = (Bytes: 0, At: "", Json: "");
        while (true)
        {
            var json = InstanceStateJson.SerializeToUtf8Bytes(state);
            if (json.Length > largest.Bytes)
                largest = (json.Length, string.Join("+", state.Waits.Select(w => w.ElementId)), System.Text.Encoding.UTF8.GetString(json));
            if (state.Waits.Any(w => w.ElementId == "Certified"))
                return (largest, state);
            Stimulus stimulus;
            var wait = state.Waits.First(w => w.Kind is WaitKind.Service or WaitKind.UserTask or WaitKind.Timer && w.ElementId != "SpotCheckDue");
            switch (wait.Kind)
            {
                case WaitKind.Service:
                    stimulus = new ServiceCompleted(wait.WaitId, VariableJson.ObjectFromElement(services.GetProperty(wait.ElementId).GetProperty("variables")));
                    break;
                case WaitKind.UserTask:
                    stimulus = new CompleteTask(wait.WaitId, reviews[wait.ElementId]);
                    break;
                default:
                    now = wait.DueAt!.Value > now ? wait.DueAt.Value : now;
                    stimulus = new TimerFired(wait.WaitId);
                    break;
            }
            state = Applied(ProcessEngine.Step(definitions, state, stimulus, now));
        }
    }

    private static InstanceState Applied(StepResult step)
    {
        Assert.True(step.Applied, step.Refusal);
        Assert.Empty(step.State.Incidents);
        return step.State;
    }
}
