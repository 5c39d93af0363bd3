using Wuyi.Engine.Execution;
using Wuyi.Engine.Model;
using Wuyi.Engine.Simulation;
using Wuyi.Engine.State;
using Wuyi.Engine.Stimuli;

namespace Wuyi.Scripting.Tests;

/// <summary>JavaScript script tasks through the engine: parsed with the script engine, run within the step.</summary>
public class ScriptTaskTests
{
    private static readonly DateTimeOffset Now = new(2022, 8, 24, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly ModelOptions Options = new() { Scripts = new JintScriptEngine() };

    private static string Model(string script, string format = "javascript") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                     id="d" targetNamespace="http://wuyi.test">
          <process id="p" isExecutable="true">
            <startEvent id="s"/>
            <scriptTask id="score" scriptFormat="{format}" camunda:resultVariable="total"><script><![CDATA[{script}]]></script></scriptTask>
            <userTask id="u"/>
            <sequenceFlow id="f1" sourceRef="s" targetRef="score"/>
            <sequenceFlow id="f2" sourceRef="score" targetRef="u"/>
          </process>
        </definitions>
        """;

    private static StepResult Start(string xml, IReadOnlyDictionary<string, object?>? variables = null)
    {
        var outcome = BpmnDefinitions.Parse(xml, Options);
        Assert.True(outcome.Success, string.Join("\n", outcome.Problems));
        return ProcessEngine.Start(outcome.Definitions!, "p", new StartRequest("i1", "bk", variables), Now);
    }

    [Fact]
    public void Start_JavaScriptTask_SetsVariablesAndResultInTheStep()
    {
        var step = Start(Model("""
            var scores = execution.getVariable("scores");
            execution.setVariable("passed", scores.every(function (s) { return s >= 60; }));
            scores.reduce(function (a, b) { return a + b; }, 0);
            """), new Dictionary<string, object?> { ["scores"] = new object?[] { 70L, 80L, 95L } });

        Assert.Equal(["u"], step.State.ActiveElementIds.ToArray());
        Assert.Equal(true, step.State.Variables["passed"]);
        Assert.Equal(245L, Convert.ToInt64(step.State.Variables["total"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("while (true) {}")]
    [InlineData("function f() { return f(); } f()")]
    [InlineData("System.IO.File.Delete('/tmp/x')")]
    [InlineData("eval('1')")]
    public void Start_HostileScript_IsAnIncidentNamingTheElement(string script)
    {
        var step = Start(Model(script));

        Assert.Equal(InstanceStatus.Failed, step.State.Status);
        var incident = Assert.Single(step.State.Incidents);
        Assert.Equal("score", incident.ElementId);
        Assert.Contains("score", incident.Message);
    }

    [Fact]
    public void Parse_JavaScriptThatDoesNotParse_IsRefusedWithElementAndLine()
    {
        var outcome = BpmnDefinitions.Parse(Model("var = ;"), Options);

        var problem = Assert.Single(outcome.Problems);
        Assert.Equal("score", problem.ElementId);
        Assert.NotNull(problem.Line);
        Assert.Contains("does not parse", problem.Message);
    }

    [Theory]
    [InlineData("groovy")]
    [InlineData("python")]
    public void Parse_OtherScriptFormats_AreRefusedNamingJavaScript(string format)
    {
        var outcome = BpmnDefinitions.Parse(Model("1", format), Options);

        Assert.Contains("javascript", Assert.Single(outcome.Problems).Message);
    }

    [Fact]
    public void Simulate_JavaScriptTask_RunsWithTheScriptEngine()
    {
        var output = new List<string>();
        var errors = new List<string>();

        var exit = Simulator.Run(new SimulationInput(Model("execution.setVariable('flag', 'set by script'); 2 * 21"), "model.bpmn",
            """{"variables":{},"steps":[{"expect":{"active":["u"],"variables":{"total":42,"flag":"set by script"}}}]}""")
        { Options = Options }, output.Add, errors.Add);

        Assert.True(exit == 0, string.Join("\n", errors.Concat(output)));
    }

    [Fact]
    public void Retry_AfterAFailedScript_RunsTheScriptAgain()
    {
        var outcome = BpmnDefinitions.Parse(Model("""
            if (execution.getVariable("ready") !== true) { throw new Error("not ready"); }
            1
            """), Options);
        var definitions = outcome.Definitions!;
        var failed = ProcessEngine.Start(definitions, "p", new StartRequest("i1"), Now);
        Assert.Equal(InstanceStatus.Failed, failed.State.Status);

        var retried = ProcessEngine.Step(definitions, failed.State, new RetryIncident(), Now);

        Assert.Equal(InstanceStatus.Failed, retried.State.Status);
        Assert.Contains("not ready", Assert.Single(retried.State.Incidents).Message);
    }
}
