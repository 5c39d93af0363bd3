namespace Wuyi.Scripting.Tests;

/// <summary>What a hostile script tries; each is stopped with a failure, and the host goes on.</summary>
public class SandboxEscapeTests
{
    private static readonly ScriptLimits Tight = new()
    {
        Timeout = TimeSpan.FromSeconds(2),
        MaxStatements = 50_000,
        MaxMemoryBytes = 8 * 1024 * 1024,
        MaxRecursion = 32,
    };

    [Theory]
    [InlineData("System.IO.File.ReadAllText('/etc/passwd')")]
    [InlineData("importNamespace('System.IO')")]
    [InlineData("System.Environment.Exit(1)")]
    [InlineData("execution.getVariable.constructor('return this')()")]
    [InlineData("execution.getType()")]
    [InlineData("__wuyiGet.GetType().Assembly")]
    [InlineData("require('fs')")]
    [InlineData("Function('return 1')()")]
    [InlineData("eval('1 + 1')")]
    [InlineData("(0, eval)('1 + 1')")]
    [InlineData("new Function('return process')()")]
    [InlineData("Math.random()")]
    [InlineData("undeclared = 1")]
    public void Run_ClrReflectionOrEval_IsStopped(string source)
    {
        var outcome = JintScriptEngineTests.Run(source, limits: Tight);

        Assert.NotNull(outcome.Error);
    }

    [Fact]
    public void Run_ReflectionOnTheHostFunction_ReachesNoClrType()
    {
        var outcome = JintScriptEngineTests.Run("typeof __wuyiGet + ',' + typeof execution.getVariable.GetType", limits: Tight);

        Assert.Equal("\"undefined,undefined\"", outcome.ResultJson);
    }

    [Theory]
    [InlineData("while (true) {}", "statements")]
    [InlineData("for (;;) { var a = 1; }", "statements")]
    [InlineData("function f(n) { return f(n + 1); } f(0)", "deeper than")]
    [InlineData("var a = []; while (true) { a.push('xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' + a.length); }", "")]
    [InlineData("new Array(1e9).fill(0)", "")]
    [InlineData("'x'.repeat(1 << 29)", "")]
    [InlineData("var s = 'x'; while (true) { s = s + s; }", "")]
    public void Run_RunawayScript_IsStoppedByALimit(string source, string limit)
    {
        var outcome = JintScriptEngineTests.Run(source, limits: Tight);

        Assert.NotNull(outcome.Error);
        Assert.Contains(limit, outcome.Error);
    }

    [Fact]
    public void Run_LoopBelowTheStatementLimitButLong_IsStoppedByTheTimeLimit()
    {
        var outcome = JintScriptEngineTests.Run("var s = 0; for (var i = 0; i < 1e7; i++) { s += Math.sqrt(i); }",
            // Only the clock may stop it: no statement limit, and a memory limit the loop's garbage cannot reach.
            limits: Tight with { MaxStatements = int.MaxValue, MaxMemoryBytes = long.MaxValue, Timeout = TimeSpan.FromMilliseconds(200) });

        Assert.Contains("longer than", outcome.Error);
    }

    [Fact]
    public void Run_DeeplyNestedSource_IsRefusedBeforeParsing()
    {
        var outcome = JintScriptEngineTests.Run(new string('(', 5_000) + "1" + new string(')', 5_000), limits: Tight);

        Assert.Contains("nests brackets", outcome.Error);
    }

    [Fact]
    public void Run_AfterHostileScripts_TheNextScriptRunsNormally()
    {
        JintScriptEngineTests.Run("globalThis.leak = 1; Object.prototype.polluted = true; while (true) {}", limits: Tight);

        var outcome = JintScriptEngineTests.Run("typeof leak + ',' + ({}).polluted", limits: Tight);

        Assert.Equal("\"undefined,undefined\"", outcome.ResultJson);
    }
}
