using Wuyi.Expressions.Evaluation;

namespace Wuyi.Expressions.Functions;

/// <summary>Functions over strings, lists and maps. Searching a list charges one step per element.</summary>
internal static class CollectionFunctions
{
    public static ExpressionResult Length(Evaluator scope, object?[] args) => args[0] switch
    {
        null => ExpressionResult.Ok(0L),
        string s => ExpressionResult.Ok((long)s.Length),
        IReadOnlyList<object?> list => ExpressionResult.Ok((long)list.Count),
        IReadOnlyDictionary<string, object?> map => ExpressionResult.Ok((long)map.Count),
        var other => ExpressionResult.Fail($"expected a string, list or map but found {ValueText.Describe(other)}"),
    };

    public static ExpressionResult Contains(Evaluator scope, object?[] args)
    {
        switch (args[0])
        {
            case null:
                return ExpressionResult.Ok(false);
            case string s:
                return Arguments.Text(scope, args[1], out var part) is { } error
                    ? ExpressionResult.Fail(error)
                    : ExpressionResult.Ok(s.Contains(part, StringComparison.Ordinal));
            case IReadOnlyList<object?> list:
                if (!scope.Charge(list.Count))
                {
                    return ExpressionResult.Fail(scope.BudgetMessage);
                }

                foreach (var raw in list)
                {
                    Values.Normalize(raw, out var element);
                    if (Operators.AreEqual(element, args[1]))
                    {
                        return ExpressionResult.Ok(true);
                    }
                }

                return ExpressionResult.Ok(false);
            case IReadOnlyDictionary<string, object?>:
                return ContainsKey(scope, args);
            default:
                return ExpressionResult.Fail($"expected a string, list or map but found {ValueText.Describe(args[0])}");
        }
    }

    public static ExpressionResult ContainsKey(Evaluator scope, object?[] args)
    {
        switch (args[0])
        {
            case null:
                return ExpressionResult.Ok(false);
            case IReadOnlyDictionary<string, object?> map:
                return Arguments.Text(scope, args[1], out var key) is { } error
                    ? ExpressionResult.Fail(error)
                    : ExpressionResult.Ok(map.ContainsKey(key));
            default:
                return ExpressionResult.Fail($"expected a map but found {ValueText.Describe(args[0])}");
        }
    }

    /// <summary><c>list.get(i)</c> (out of range is an error, as in Java) or <c>map.get(k)</c> (missing is null).</summary>
    public static ExpressionResult Get(Evaluator scope, object?[] args)
    {
        object? raw;
        if (args[0] is IReadOnlyList<object?> list)
        {
            if (Coercion.ToInteger(args[1], out var index) is { } indexError)
            {
                return ExpressionResult.Fail(indexError);
            }

            if (index < 0 || index >= list.Count)
            {
                return ExpressionResult.Fail($"index {index} is out of range for a list of {list.Count}");
            }

            raw = list[(int)index];
        }
        else if (args[0] is IReadOnlyDictionary<string, object?> map)
        {
            if (Arguments.Text(scope, args[1], out var key) is { } keyError)
            {
                return ExpressionResult.Fail(keyError);
            }

            map.TryGetValue(key, out raw);
        }
        else
        {
            return ExpressionResult.Fail($"expected a list or map but found {ValueText.Describe(args[0])}");
        }

        return Values.Normalize(raw, out var value) is { } error ? ExpressionResult.Fail(error) : ExpressionResult.Ok(value);
    }

    public static ExpressionResult IsEmpty(Evaluator scope, object?[] args) => ExpressionResult.Ok(Values.IsEmpty(args[0]));

    public static ExpressionResult Equal(Evaluator scope, object?[] args) =>
        scope.Charge(Evaluator.SizeOf(args[0]) + Evaluator.SizeOf(args[1]))
            ? ExpressionResult.Ok(Operators.AreEqual(args[0], args[1]))
            : ExpressionResult.Fail(scope.BudgetMessage);
}
