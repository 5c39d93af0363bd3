using System.Text.Json;

namespace Wuyi.Expressions.Tests;

/// <summary>Parses and evaluates expressions against a fixed set of variables and a fixed "now".</summary>
internal static class Eval
{
    public static readonly DateTimeOffset Now = new(2026, 11, 29, 8, 30, 0, TimeSpan.FromHours(8));

    public static Dictionary<string, object?> Variables() => new()
    {
        ["a"] = 5L,
        ["b"] = 2L,
        ["x"] = 1.5,
        ["s"] = "hello",
        ["numeric"] = "42",
        ["blank"] = "",
        ["n"] = null,
        ["t"] = true,
        ["f"] = false,
        ["approved"] = true,
        ["list"] = new List<object?> { 1L, 2L, 3L },
        ["names"] = new List<object?> { "ann", "bob" },
        ["noItems"] = new List<object?>(),
        ["map"] = new Dictionary<string, object?>
        {
            ["k"] = "v",
            ["inner"] = new Dictionary<string, object?> { ["deep"] = 42L },
            ["items"] = new List<object?> { "x", "y" },
        },
        ["noEntries"] = new Dictionary<string, object?>(),
        ["int32"] = 7,
        ["money"] = 2.5m,
        ["single"] = 0.5f,
        ["dueDate"] = "2022-08-24T00:00:00+00:00",
        ["later"] = "2022-08-31T12:00:00+00:00",
        ["days"] = 7L,
        ["townshipCode"] = "WY-03",
        ["json"] = JsonDocument.Parse("""{"amount": 12, "rate": 0.5, "tags": ["a", "b"], "ok": true, "none": null, "nested": {"id": "n1"}}""").RootElement,
        ["clrDate"] = new DateTimeOffset(2022, 8, 24, 10, 0, 0, TimeSpan.FromHours(8)),
        ["ints"] = new List<int> { 3, 1, 2 },
    };

    public static ExpressionResult Run(string text, int budget = 10_000)
    {
        var parsed = Expression.Parse(text);
        Assert.True(parsed.Success, $"'{text}' did not parse: {parsed.Error}");
        return parsed.Expression!.Evaluate(EvaluationContext.For(Variables(), Now, budget));
    }

    public static object? Value(string text)
    {
        var result = Run(text);
        Assert.True(result.Success, $"'{text}' failed: {result.Error}");
        return result.Value;
    }

    public static string Error(string text, int budget = 10_000)
    {
        var result = Run(text, budget);
        Assert.False(result.Success, $"'{text}' should fail but gave {result.Value}");
        return result.Error!;
    }

    public static ExpressionError ParseError(string text)
    {
        var parsed = Expression.Parse(text);
        Assert.False(parsed.Success, $"'{text}' should not parse");
        Assert.Null(parsed.Expression);
        return parsed.Error!;
    }
}
