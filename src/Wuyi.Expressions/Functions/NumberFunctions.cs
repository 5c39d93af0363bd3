using Wuyi.Expressions.Evaluation;

namespace Wuyi.Expressions.Functions;

/// <summary>Numeric functions. Whole numbers stay <see cref="long"/>; rounding functions turn doubles into
/// longs, failing rather than wrapping when the value does not fit.</summary>
internal static class NumberFunctions
{
    public static ExpressionResult Number(Evaluator scope, object?[] args) =>
        Coercion.ToNumber(args[0], out var number) is { } error ? ExpressionResult.Fail(error) : ExpressionResult.Ok(number);

    public static ExpressionResult Integer(Evaluator scope, object?[] args) => Whole(args[0], Math.Truncate);

    public static ExpressionResult Floor(Evaluator scope, object?[] args) => Whole(args[0], Math.Floor);

    public static ExpressionResult Ceiling(Evaluator scope, object?[] args) => Whole(args[0], Math.Ceiling);

    public static ExpressionResult Round(Evaluator scope, object?[] args) =>
        Whole(args[0], d => Math.Round(d, MidpointRounding.AwayFromZero));

    public static ExpressionResult Abs(Evaluator scope, object?[] args)
    {
        if (Arguments.Number(args[0], out var number) is { } error)
        {
            return ExpressionResult.Fail(error);
        }

        return number switch
        {
            long.MinValue => ExpressionResult.Fail("integer overflow"),
            long n => ExpressionResult.Ok(Math.Abs(n)),
            _ => ExpressionResult.Ok(Math.Abs((double)number)),
        };
    }

    public static ExpressionResult Min(Evaluator scope, object?[] args) => Extreme(scope, args, preferLeft: order => order <= 0);

    public static ExpressionResult Max(Evaluator scope, object?[] args) => Extreme(scope, args, preferLeft: order => order >= 0);

    private static ExpressionResult Whole(object? arg, Func<double, double> round)
    {
        if (Arguments.Number(arg, out var number) is { } error)
        {
            return ExpressionResult.Fail(error);
        }

        if (number is long)
        {
            return ExpressionResult.Ok(number);
        }

        var rounded = round((double)number);
        // 2^63 is the first double above long.MaxValue; anything at or past it does not fit.
        return rounded >= -9.223372036854775808e18 && rounded < 9.223372036854775808e18
            ? ExpressionResult.Ok((long)rounded)
            : ExpressionResult.Fail($"{ValueText.Describe(number)} does not fit in a whole number");
    }

    // min(a, b, …) or min(list); the result keeps the winner's type, so min(1, 2.5) is 1 (a long).
    private static ExpressionResult Extreme(Evaluator scope, object?[] args, Func<int, bool> preferLeft)
    {
        IReadOnlyList<object?> candidates = args is [IReadOnlyList<object?> list] ? list : args;
        if (candidates.Count == 0)
        {
            return ExpressionResult.Fail("needs at least one number");
        }

        if (!scope.Charge(candidates.Count))
        {
            return ExpressionResult.Fail(scope.BudgetMessage);
        }

        object? best = null;
        foreach (var raw in candidates)
        {
            if (Values.Normalize(raw, out var value) is { } shapeError)
            {
                return ExpressionResult.Fail(shapeError);
            }

            if (Arguments.Number(value, out var number) is { } error)
            {
                return ExpressionResult.Fail(error);
            }

            if (best is null || !preferLeft(Order(best, number)))
            {
                best = number;
            }
        }

        return ExpressionResult.Ok(best);
    }

    private static int Order(object a, object b) =>
        a is long x && b is long y ? x.CompareTo(y) : Coercion.ToDouble(a).CompareTo(Coercion.ToDouble(b));
}
