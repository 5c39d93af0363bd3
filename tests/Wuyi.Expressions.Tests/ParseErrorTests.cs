namespace Wuyi.Expressions.Tests;

public class ParseErrorTests
{
    [Theory]
    [InlineData("${", "missing '}'", 0)]
    [InlineData("abc ${a + 1", "missing '}' to close the expression opened at position 4", 4)]
    [InlineData("${}", "empty expression", 2)]
    [InlineData("${   }", "empty expression", 5)]
    [InlineData("${a +}", "expected a value but found the end of the expression", 5)]
    [InlineData("${a b}", "unexpected 'b'", 4)]
    [InlineData("${(a}", "expected ')' but found the end of the expression", 4)]
    [InlineData("${a)}", "unexpected ')'", 3)]
    [InlineData("${'abc}", "unterminated string literal", 2)]
    [InlineData("${\"abc}", "unterminated string literal", 2)]
    [InlineData("${a = 1}", "assignment is not supported", 4)]
    [InlineData("${a & b}", "use '&&' or 'and'", 4)]
    [InlineData("${a | b}", "use '||' or 'or'", 4)]
    [InlineData("${a ~ b}", "unexpected character '~'", 4)]
    [InlineData("${ {} }", "'{' is not supported", 3)]
    [InlineData("${a instanceof b}", "'instanceof' is not supported", 4)]
    [InlineData("${a ? b}", "expected ':' of the conditional operator", 7)]
    [InlineData("${a.}", "expected a property name after '.'", 4)]
    [InlineData("${a.1}", "expected a property name", 4)]
    [InlineData("${a[1}", "expected ']'", 5)]
    [InlineData("${a[]}", "expected a value but found ']'", 4)]
    [InlineData("${99999999999999999999}", "integer '99999999999999999999' is too large", 2)]
    [InlineData("${1e999}", "number '1e999' is out of range", 2)]
    [InlineData("${foo(1)}", "unknown function 'foo'", 2)]
    [InlineData("${Upper(s)}", "unknown function 'Upper'", 2)]
    [InlineData("${x.getClass()}", "method 'getClass' is not allowed", 4)]
    [InlineData("${execution.getVariable('a')}", "method 'getVariable' is not allowed", 12)]
    [InlineData("${now(1)}", "'now' takes 0 argument(s) but was given 1", 2)]
    [InlineData("${dateAdd(a)}", "'dateAdd' takes 2 argument(s) but was given 1", 2)]
    [InlineData("${substring(a)}", "'substring' takes 2 to 3 argument(s)", 2)]
    [InlineData("${min()}", "'min' takes at least 1 argument(s) but was given 0", 2)]
    [InlineData("${s.length(1)}", "'length' takes 0 argument(s)", 4)]
    [InlineData("${concat(a,)}", "expected a value but found ')'", 11)]
    [InlineData("${concat(a b)}", "expected ',' or ')' but found 'b'", 11)]
    [InlineData("ok ${a} then ${a +* b}", "expected a value but found '*'", 18)]
    [InlineData("${a ${b}}", "unexpected character '$'", 4)]
    [InlineData("${1.}", "expected a property name after '.' but found the end of the expression", 4)]
    [InlineData("${true.x}", "", -1)]
    public void Parse_InvalidText_ReturnsErrorWithPosition(string text, string message, int position)
    {
        if (position < 0)
        {
            // Some odd but valid forms parse; they must then evaluate without throwing.
            var parsed = Expression.Parse(text);
            if (parsed.Success)
            {
                parsed.Expression!.Evaluate(EvaluationContext.For(Eval.Variables(), Eval.Now));
            }

            return;
        }

        var error = Eval.ParseError(text);
        Assert.Contains(message, error.Message);
        Assert.Equal(position, error.Position);
    }

    [Fact]
    public void Parse_NullText_ReturnsError()
    {
        var parsed = Expression.Parse(null!);
        Assert.False(parsed.Success);
        Assert.Equal(0, parsed.Error!.Position);
    }

    [Theory]
    [InlineData("and")]
    [InlineData("or")]
    [InlineData("not")]
    [InlineData("eq")]
    [InlineData("div")]
    [InlineData("mod")]
    [InlineData("empty")]
    public void Parse_ReservedWordAsVariable_Fails(string word) => Assert.False(Expression.Parse("${" + word + "}").Success);
}
