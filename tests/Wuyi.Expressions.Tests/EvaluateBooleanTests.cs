namespace Wuyi.Expressions.Tests;

public class EvaluateBooleanTests
{
    private static ExpressionResult Condition(string text) =>
        Expression.Parse(text).Expression!.EvaluateBoolean(EvaluationContext.For(Eval.Variables(), Eval.Now));

    [Theory]
    [InlineData("${approved}", true)]
    [InlineData("${!approved}", false)]
    [InlineData("${a > 3}", true)]
    [InlineData("\n  ${a > 3}\n", true)]
    [InlineData("${empty missing}", true)]
    public void EvaluateBoolean_BooleanResult_Succeeds(string text, bool expected)
    {
        var result = Condition(text);
        Assert.True(result.Success, result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("${a}", "condition expression returns non-Boolean: number 5 in '${a}'")]
    [InlineData("${n}", "non-Boolean: null")]
    [InlineData("${'true'}", "non-Boolean: string 'true'")]
    [InlineData("true", "non-Boolean: string 'true'")]
    [InlineData("x ${t}", "non-Boolean: string 'x true'")]
    [InlineData("${missing}", "cannot resolve identifier 'missing'")]
    public void EvaluateBoolean_OtherResult_Fails(string text, string expected) => Assert.Contains(expected, Condition(text).Error);
}
