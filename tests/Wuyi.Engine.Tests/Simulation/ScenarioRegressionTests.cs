using Wuyi.Engine.Simulation;
using Wuyi.Engine.Tests.Support;

namespace Wuyi.Engine.Tests.Simulation;

/// <summary>
/// Saved model + scenario + expected trace triples under Scenarios/: <c>NAME.bpmn</c> (or the model named in
/// <c>NAME.model</c>), <c>NAME.scenario.json</c>, and <c>NAME.expected.jsonl</c> whose first line is the exit
/// code. Set WUYI_UPDATE_SCENARIOS=1 to rewrite the expected files after an intended change, then review the diff.
/// </summary>
public class ScenarioRegressionTests
{
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(TestFiles.Scenarios, "*.scenario.json").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file)[..^".scenario.json".Length]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Run_SavedScenario_MatchesExpectedTrace(string name)
    {
        var modelName = File.Exists(Path.Combine(TestFiles.Scenarios, name + ".model"))
            ? TestFiles.Read(name + ".model").Trim()
            : name + ".bpmn";
        var lines = new List<string>();
        var exit = Simulator.Run(new SimulationInput(TestFiles.Read(modelName), modelName, TestFiles.Read(name + ".scenario.json"), null,
            called => File.Exists(Path.Combine(TestFiles.Scenarios, called + ".bpmn")) ? TestFiles.Read(called + ".bpmn") : null),
            lines.Add, e => lines.Add("ERR " + e));
        var actual = string.Join("\n", lines.Prepend($"exit {exit}")) + "\n";
        var expectedPath = Path.Combine(TestFiles.Scenarios, name + ".expected.jsonl");

        if (Environment.GetEnvironmentVariable("WUYI_UPDATE_SCENARIOS") == "1" || !File.Exists(expectedPath))
            File.WriteAllText(expectedPath, actual);

        Assert.Equal(File.ReadAllText(expectedPath), actual);
    }
}
