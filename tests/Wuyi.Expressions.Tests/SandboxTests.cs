using System.Diagnostics;

namespace Wuyi.Expressions.Tests;

public class SandboxTests
{
    private static ExpressionResult Run(string text, Dictionary<string, object?> variables, int budget = 10_000)
    {
        var parsed = Expression.Parse(text);
        Assert.True(parsed.Success, parsed.Error?.Message);
        return parsed.Expression!.Evaluate(EvaluationContext.For(variables, Eval.Now, budget));
    }

    [Fact]
    public void Evaluate_LongChainOverBudget_FailsWithBudgetError()
    {
        var text = "${" + string.Join(" + ", Enumerable.Repeat("a", 20_000)) + "}";
        Assert.Equal("expression exceeded its step budget of 10000 steps", Eval.Error(text));
    }

    [Fact]
    public void Evaluate_ChainWithinBudget_Succeeds()
    {
        var text = "${" + string.Join(" + ", Enumerable.Repeat("1", 1_000)) + "}";
        Assert.Equal(1_000L, Eval.Value(text));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void Evaluate_TinyBudget_FailsWithBudgetError(int budget) =>
        Assert.Contains("step budget of " + budget, Eval.Error("${(1 + 2) * 3 == 9 && s.length() == 5}", budget));

    [Fact]
    public void Evaluate_ManyTemplateParts_ShareOneBudget()
    {
        var text = string.Concat(Enumerable.Repeat("${a}", 200));
        Assert.Contains("step budget of 100", Eval.Error(text, budget: 100));
    }

    [Fact]
    public void Evaluate_SearchingHugeList_ChargesPerElement()
    {
        var variables = new Dictionary<string, object?> { ["big"] = Enumerable.Range(0, 100_000).Select(i => (object?)(long)i).ToList() };
        Assert.Contains("step budget", Run("${contains(big, -1)}", variables).Error);
        Assert.Contains("step budget", Run("${big == big}", variables).Error);
        Assert.Contains("step budget", Run("${max(big)}", variables).Error);
        Assert.Equal(100_000L, Run("${big.size()}", variables).Value);
    }

    [Fact]
    public void Evaluate_StringOverOneMegabyte_Fails()
    {
        var variables = new Dictionary<string, object?> { ["half"] = new string('x', 600_000), ["huge"] = new string('y', 2_000_000) };
        const string tooLong = "string result is longer than 1048576 characters";
        Assert.Contains(tooLong, Run("${concat(half, half)}", variables).Error);
        Assert.Contains(tooLong, Run("${half}${half}", variables).Error);
        Assert.Contains(tooLong, Run("${huge}", variables).Error);
        Assert.Equal(600_000, ((string)Run("${half}", variables).Value!).Length);
    }

    [Fact]
    public void Evaluate_DeeplyNestedVariable_FailsWithoutOverflowingStack()
    {
        object? deep = 1L;
        for (var i = 0; i < 100_000; i++)
        {
            deep = new List<object?> { deep };
        }

        var variables = new Dictionary<string, object?> { ["deep"] = deep, ["other"] = new List<object?> { 1L } };
        Assert.Contains("nested too deeply", Run("${concat(deep)}", variables, budget: int.MaxValue).Error);
        Assert.Equal(false, Run("${deep == other}", variables).Value);
        Assert.Equal(true, Run("${deep[0][0][0][0] != null}", variables).Value);
    }

    [Theory]
    [InlineData("(", ")", 199, true)]
    [InlineData("(", ")", 200, false)]
    [InlineData("-", "", 199, true)]
    [InlineData("-", "", 200, false)]
    [InlineData("!", "", 100_000, false)]
    [InlineData("not ", "", 5_000, false)]
    [InlineData("empty ", "", 500, false)]
    [InlineData("abs(", ")", 199, true)]
    [InlineData("abs(", ")", 200, false)]
    [InlineData("list[", "]", 300, false)]
    [InlineData("t ? 1 : ", "", 199, true)]
    [InlineData("t ? 1 : ", "", 200, false)]
    [InlineData("(", ")", 1_000_000, false)]
    public void Parse_DeepNesting_IsLimited(string open, string close, int depth, bool accepted)
    {
        var text = "${" + string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth)) + "}";
        var parsed = Expression.Parse(text);
        Assert.Equal(accepted, parsed.Success);
        if (accepted)
        {
            Assert.True(parsed.Expression!.Evaluate(EvaluationContext.For(Eval.Variables(), Eval.Now, int.MaxValue)).Success);
        }
        else
        {
            Assert.Contains("nested more than 200 levels deep", parsed.Error!.Message);
        }
    }

    [Theory]
    [InlineData("sum")]
    [InlineData("and")]
    [InlineData("path")]
    [InlineData("index")]
    [InlineData("arguments")]
    public void Parse_HugeFlatInput_IsLinearAndEvaluationIsBudgeted(string shape)
    {
        const int n = 400_000;
        var body = shape switch
        {
            "sum" => string.Join(" + ", Enumerable.Repeat("1", n)),
            "and" => string.Join(" && ", Enumerable.Repeat("t", n)),
            "path" => "map" + string.Concat(Enumerable.Repeat(".b", n)),
            "index" => "noItems" + string.Concat(Enumerable.Repeat("[0]", n)),
            _ => "concat(" + string.Join(", ", Enumerable.Repeat("s", n)) + ")",
        };

        var watch = Stopwatch.StartNew();
        var parsed = Expression.Parse("${" + body + "}");
        Assert.True(parsed.Success, parsed.Error?.Message);
        var result = parsed.Expression!.Evaluate(EvaluationContext.For(Eval.Variables(), Eval.Now));
        watch.Stop();
        Assert.InRange(watch.Elapsed.TotalSeconds, 0, 10);
        Assert.Contains("step budget", result.Error);
    }

    [Fact]
    public void Parse_HugeTemplate_IsLinear()
    {
        var text = string.Concat(Enumerable.Repeat("text ${a} \\${b} ", 200_000));
        var watch = Stopwatch.StartNew();
        var parsed = Expression.Parse(text);
        watch.Stop();
        Assert.True(parsed.Success);
        Assert.Equal(["a"], parsed.Expression!.Variables);
        Assert.InRange(watch.Elapsed.TotalSeconds, 0, 10);
    }

    [Fact]
    public void Parse_ManyUnclosedStrings_IsLinear()
    {
        var text = string.Concat(Enumerable.Repeat("${'", 100_000));
        var watch = Stopwatch.StartNew();
        Assert.False(Expression.Parse(text).Success);
        Assert.InRange(watch.Elapsed.TotalSeconds, 0, 10);
    }
}
