namespace Wuyi.Expressions.Tests;

public class TemplateTests
{
    [Theory]
    [InlineData("${a}", 5L)]
    [InlineData("#{a}", 5L)]
    [InlineData("${approved}", true)]
    [InlineData("  ${approved}\n ", true)]
    [InlineData("${x}", 1.5)]
    [InlineData("${s}", "hello")]
    public void Evaluate_SingleExpression_YieldsTypedValue(string text, object expected)
    {
        Assert.True(Expression.Parse(text).Expression!.IsSingleExpression);
        Assert.Equal(expected, Eval.Value(text));
    }

    [Theory]
    [InlineData("township-reviewer:${townshipCode}", "township-reviewer:WY-03")]
    [InlineData("P${days}D", "P7D")]
    [InlineData("${a}${b}", "52")]
    [InlineData("#{a}-${b}", "5-2")]
    [InlineData("${t} and ${f}", "true and false")]
    [InlineData("[${n}]", "[]")]
    [InlineData("${x}x", "1.5x")]
    [InlineData("${a / b} of ${4 / 2}", "2.5 of 2")]
    [InlineData("list=${list}", "list=[1,2,3]")]
    [InlineData("map=${map.inner}", "map={\"deep\":42}")]
    [InlineData("${names}!", "[\"ann\",\"bob\"]!")]
    [InlineData("cost: $5, #3, {x}", "cost: $5, #3, {x}")]
    [InlineData("a $ {b} # {c}", "a $ {b} # {c}")]
    [InlineData("end$", "end$")]
    [InlineData("end#", "end#")]
    [InlineData("back\\slash", "back\\slash")]
    [InlineData("\\${a} is ${a}", "${a} is 5")]
    [InlineData("\\#{a}", "#{a}")]
    [InlineData("${'}'}", "}")]
    [InlineData("x${'a}b'}y", "xa}by")]
    [InlineData("${\"{\"}${'}'}", "{}")]
    public void Evaluate_Template_ConcatenatesTextForms(string text, string expected) => Assert.Equal(expected, Eval.Value(text));

    [Theory]
    [InlineData("")]
    [InlineData("plain text")]
    [InlineData("candidate-group")]
    [InlineData("   ")]
    public void Evaluate_PlainText_YieldsItself(string text)
    {
        var expression = Expression.Parse(text).Expression!;
        Assert.True(expression.IsLiteral);
        Assert.False(expression.IsSingleExpression);
        Assert.Empty(expression.Variables);
        Assert.Equal(text, Eval.Value(text));
    }

    [Fact]
    public void Evaluate_EscapedOnly_IsLiteralWithEscapeResolved()
    {
        var expression = Expression.Parse("\\${notAnExpression}").Expression!;
        Assert.True(expression.IsLiteral);
        Assert.Equal("${notAnExpression}", Eval.Value("\\${notAnExpression}"));
    }

    [Theory]
    [InlineData("${'a\\'b'}", "a'b")]
    [InlineData("${\"a\\\"b\"}", "a\"b")]
    [InlineData("${'a\"b'}", "a\"b")]
    [InlineData("${\"a'b\"}", "a'b")]
    [InlineData("${'back\\\\slash'}", "back\\slash")]
    [InlineData("${'line\\nbreak'}", "line\nbreak")]
    [InlineData("${'tab\\there'}", "tab\there")]
    [InlineData("${'cr\\r'}", "cr\r")]
    [InlineData("${'\\u0041\\u4e94'}", "A五")]
    [InlineData("${'keep\\q'}", "keep\\q")]
    [InlineData("${''}", "")]
    [InlineData("${'武夷山'}", "武夷山")]
    public void Evaluate_StringLiteral_ResolvesEscapes(string text, string expected) => Assert.Equal(expected, Eval.Value(text));

    [Theory]
    [InlineData("${true}", true)]
    [InlineData("${false}", false)]
    [InlineData("${null}", null)]
    [InlineData("${42}", 42L)]
    [InlineData("${0}", 0L)]
    [InlineData("${9223372036854775807}", long.MaxValue)]
    [InlineData("${4.25}", 4.25)]
    [InlineData("${1e2}", 100.0)]
    [InlineData("${1E-2}", 0.01)]
    [InlineData("${2.5e+1}", 25.0)]
    [InlineData("${-3}", -3L)]
    [InlineData("${ ( ( 7 ) ) }", 7L)]
    public void Evaluate_Literal_HasJsonType(string text, object? expected) => Assert.Equal(expected, Eval.Value(text));

    [Theory]
    [InlineData("${a + b.c + a}", new[] { "a", "b" })]
    [InlineData("pre ${townshipCode} ${days} ${townshipCode}", new[] { "townshipCode", "days" })]
    [InlineData("${concat(x, y.z, upper(w))}", new[] { "x", "y", "w" })]
    [InlineData("${map[key].size()}", new[] { "map", "key" })]
    [InlineData("${empty maybe}", new[] { "maybe" })]
    [InlineData("${1 + 2}", new string[0])]
    public void Variables_OfExpression_ListsTopLevelNamesInOrder(string text, string[] expected) =>
        Assert.Equal(expected, Expression.Parse(text).Expression!.Variables);

    [Fact]
    public void ToString_OfExpression_IsSourceText()
    {
        var expression = Expression.Parse("a ${b} c").Expression!;
        Assert.Equal("a ${b} c", expression.Text);
        Assert.Equal("a ${b} c", expression.ToString());
    }
}
