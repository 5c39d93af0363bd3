using System.Text.Json;
using Wuyi.Testing;

namespace Wuyi.Server.Tests.CommandLine;

public sealed class SimulateCommandTests
{
    private const string Model = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
          <bpmn:process id="review" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Review" />
            <bpmn:userTask id="Review" camunda:candidateGroups="township-reviewer:${townshipCode}" />
            <bpmn:sequenceFlow id="f2" sourceRef="Review" targetRef="Inspect" />
            <bpmn:callActivity id="Inspect" calledElement="inspection" />
            <bpmn:sequenceFlow id="f3" sourceRef="Inspect" targetRef="End" />
            <bpmn:endEvent id="End" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private const string Called = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d2" targetNamespace="t">
          <bpmn:process id="inspection" isExecutable="true">
            <bpmn:startEvent id="S" />
            <bpmn:sequenceFlow id="g1" sourceRef="S" targetRef="Wait" />
            <bpmn:intermediateCatchEvent id="Wait"><bpmn:timerEventDefinition><bpmn:timeDuration>P7D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="g2" sourceRef="Wait" targetRef="E" />
            <bpmn:endEvent id="E" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    private static async Task<(TemporaryDirectory Folder, string Model, string Scenario)> FilesAsync(string scenario, string model = Model)
    {
        var folder = new TemporaryDirectory();
        await File.WriteAllTextAsync(folder.File("review.bpmn"), model);
        await File.WriteAllTextAsync(folder.File("inspection.bpmn"), Called);
        await File.WriteAllTextAsync(folder.File("scenario.json"), scenario);
        return (folder, folder.File("review.bpmn"), folder.File("scenario.json"));
    }

    [Fact]
    public async Task Simulate_ScenarioHolds_Exit0JsonLinesEndingInResult()
    {
        var (folder, model, scenario) = await FilesAsync("""
            { "businessKey": "460105001001", "variables": { "townshipCode": "460105001" },
              "steps": [ { "complete": "Review" }, { "advance": "P7D" }, { "expect": { "state": "completed" } } ] }
            """);
        using var _ = folder;

        var run = await WuyiRun.RunAsync("simulate", model, "--scenario", scenario);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal("result", lines[^1].GetProperty("type").GetString());
        Assert.Contains(lines, l => l.GetProperty("type").GetString() == "child-started");
        Assert.Equal("completed", lines[^1].GetProperty("instances")[0].GetProperty("state").GetString());
    }

    [Fact]
    public async Task Simulate_ExpectFails_Exit1SayingWhatWasFound()
    {
        var (folder, model, scenario) = await FilesAsync("""
            { "variables": { "townshipCode": "460105001" }, "steps": [ { "expect": { "state": "completed" } } ] }
            """);
        using var _ = folder;

        var run = await WuyiRun.RunAsync("simulate", model, "--scenario", scenario);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("waiting", run.Error);
    }

    [Fact]
    public async Task Simulate_InvalidModel_Exit2NamingElementAndLine()
    {
        var (folder, model, scenario) = await FilesAsync("{}", Model.Replace("targetRef=\"End\"", "targetRef=\"Nowhere\""));
        using var _ = folder;

        var run = await WuyiRun.RunAsync("simulate", model, "--scenario", scenario);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("review.bpmn:9: f3:", run.Error);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task Simulate_MissingModel_Exit2()
    {
        var run = await WuyiRun.RunAsync("simulate", "/nonexistent/model.bpmn");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cannot read the model", run.Error);
    }
}
