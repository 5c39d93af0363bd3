using Wuyi.Engine.Scripting;

namespace Wuyi.Scripting.Tests;

public class JintScriptEngineTests
{
    private static readonly DateTimeOffset Now = new(2022, 8, 24, 9, 0, 0, TimeSpan.FromHours(8));

    internal static ScriptOutcome Run(string source, IReadOnlyDictionary<string, string>? variables = null, ScriptLimits? limits = null) =>
        new JintScriptEngine(limits).Run(new ScriptRequest("script", source, Now,
            name => variables is not null && variables.TryGetValue(name, out var json) ? json : null));

    [Fact]
    public void Run_ScriptReadingAndSettingVariables_ReturnsJsonValuesAndResult()
    {
        var outcome = Run("""
            var area = execution.getVariable("area");
            execution.setVariable("summary", { code: area.code, cases: area.cases.length, ok: area.cases.length === 0 });
            area.cases.length + 1;
            """, new Dictionary<string, string> { ["area"] = """{"code":"460105","cases":[]}""" });

        Assert.Null(outcome.Error);
        var write = Assert.Single(outcome.Writes);
        Assert.Equal(("summary", """{"code":"460105","cases":0,"ok":true}"""), (write.Name, write.Json));
        Assert.Equal("1", outcome.ResultJson);
    }

    [Fact]
    public void Run_UndefinedVariable_ReadsAsNull()
    {
        var outcome = Run("""execution.getVariable("missing") === null""");

        Assert.Equal("true", outcome.ResultJson);
    }

    [Fact]
    public void Run_DateNow_ReadsTheStepsTime()
    {
        var outcome = Run("new Date().toISOString()");

        Assert.Equal("\"2022-08-24T01:00:00.000Z\"", outcome.ResultJson);
    }

    [Fact]
    public void Run_ScriptThatThrows_FailsWithTheMessageAndSetsNothing()
    {
        var outcome = Run("""execution.setVariable("x", 1); throw new Error("no data for the area");""");

        Assert.Contains("no data for the area", outcome.Error);
        Assert.Empty(outcome.Writes);
    }

    [Theory]
    [InlineData("javascript")]
    [InlineData("JavaScript")]
    [InlineData("js")]
    [InlineData("ecmascript")]
    public void Runs_JavaScriptNames_AreRun(string format) => Assert.True(new JintScriptEngine().Runs(format));

    [Theory]
    [InlineData("groovy")]
    [InlineData("python")]
    [InlineData("xslt")]
    public void Runs_OtherLanguages_AreNotRun(string format) => Assert.False(new JintScriptEngine().Runs(format));

    [Fact]
    public void Check_SyntaxError_IsReported()
    {
        Assert.NotNull(new JintScriptEngine().Check("var = ;"));
        Assert.Null(new JintScriptEngine().Check("var x = 1; x + 1"));
    }
}
