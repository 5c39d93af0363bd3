namespace Wuyi.Expressions.Tests;

public class MethodTests
{
    [Theory]
    [InlineData("${s.startsWith('he')}", true)]
    [InlineData("${s.endsWith('x')}", false)]
    [InlineData("${s.contains('ll')}", true)]
    [InlineData("${s.isEmpty()}", false)]
    [InlineData("${blank.isEmpty()}", true)]
    [InlineData("${s.equals('hello')}", true)]
    [InlineData("${list.contains(3)}", true)]
    [InlineData("${list.contains(9)}", false)]
    [InlineData("${names.contains('ann')}", true)]
    [InlineData("${noItems.isEmpty()}", true)]
    [InlineData("${map.containsKey('k')}", true)]
    [InlineData("${map.containsKey('z')}", false)]
    [InlineData("${map.inner.containsKey('deep')}", true)]
    [InlineData("${json.nested.containsKey('id')}", true)]
    [InlineData("${list.equals(list)}", true)]
    public void Method_Whitelisted_ReturnsBoolean(string text, bool expected) => Assert.Equal(expected, Eval.Value(text));

    [Theory]
    [InlineData("${s.length()}", 5L)]
    [InlineData("${list.size()}", 3L)]
    [InlineData("${map.size()}", 3L)]
    [InlineData("${json.tags.size()}", 2L)]
    [InlineData("${list.get(1)}", 2L)]
    [InlineData("${map.inner.get('deep')}", 42L)]
    [InlineData("${s.substring(1).length()}", 4L)]
    [InlineData("${list.size() + s.length()}", 8L)]
    public void Method_Whitelisted_ReturnsNumber(string text, long expected) => Assert.Equal(expected, Eval.Value(text));

    [Theory]
    [InlineData("${s.toUpperCase()}", "HELLO")]
    [InlineData("${'ABC'.toLowerCase()}", "abc")]
    [InlineData("${'  x '.trim()}", "x")]
    [InlineData("${s.substring(1, 3)}", "el")]
    [InlineData("${map.get('k')}", "v")]
    [InlineData("${names.get(0).toUpperCase()}", "ANN")]
    public void Method_Whitelisted_ReturnsString(string text, string expected) => Assert.Equal(expected, Eval.Value(text));

    [Fact]
    public void Method_GetMissingMapKey_ReturnsNull() => Assert.Null(Eval.Value("${map.get('nope')}"));

    [Theory]
    [InlineData("${list.startsWith('x')}", "method 'startsWith()' cannot be called on a list (at position 7)")]
    [InlineData("${s.size()}", "method 'size()' cannot be called on string 'hello'")]
    [InlineData("${a.length()}", "method 'length()' cannot be called on number 5")]
    [InlineData("${n.size()}", "method 'size()' cannot be called on null")]
    [InlineData("${map.contains('k')}", "method 'contains()' cannot be called on a map")]
    [InlineData("${list.get(7)}", "get(): index 7 is out of range for a list of 3")]
    [InlineData("${missing.size()}", "cannot resolve identifier 'missing'")]
    public void Method_OnWrongReceiver_FailsNamingMethod(string text, string expected) => Assert.Contains(expected, Eval.Error(text));

    [Theory]
    [InlineData("${s.getBytes()}", "getBytes")]
    [InlineData("${s.getClass().forName('x')}", "getClass")]
    [InlineData("${list.clear()}", "clear")]
    [InlineData("${map.put('a', 1)}", "put")]
    [InlineData("${execution.setVariable('a', 1)}", "setVariable")]
    public void Method_NotWhitelisted_IsSyntaxErrorNamingIt(string text, string method) =>
        Assert.Contains($"method '{method}' is not allowed", Eval.ParseError(text).Message);
}
