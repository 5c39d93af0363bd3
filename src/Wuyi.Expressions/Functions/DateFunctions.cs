using Wuyi.Expressions.Evaluation;

namespace Wuyi.Expressions.Functions;

/// <summary>Date and duration functions. Dates in and out are ISO 8601 strings in <see cref="IsoDate"/>'s
/// format; arithmetic keeps the offset of the date it starts from.</summary>
internal static class DateFunctions
{
    public static ExpressionResult Now(Evaluator scope, object?[] args) => ExpressionResult.Ok(IsoDate.ToText(scope.Now));

    public static ExpressionResult Date(Evaluator scope, object?[] args) =>
        Arguments.Date(args[0], out var date) is { } error ? ExpressionResult.Fail(error) : ExpressionResult.Ok(IsoDate.ToText(date));

    public static ExpressionResult DateAdd(Evaluator scope, object?[] args)
    {
        var dateError = Arguments.Date(args[0], out var date);
        var durationError = Arguments.Duration(args[1], out var duration);
        if ((dateError ?? durationError) is { } error)
        {
            return ExpressionResult.Fail(error);
        }

        return duration.TryAddTo(date, out var result)
            ? ExpressionResult.Ok(IsoDate.ToText(result))
            : ExpressionResult.Fail("the resulting date is out of range");
    }

    public static ExpressionResult DateDiffDays(Evaluator scope, object?[] args) =>
        TwoDates(args, out var a, out var b) is { } error
            ? ExpressionResult.Fail(error)
            : ExpressionResult.Ok((b - a).Ticks / TimeSpan.TicksPerDay);

    public static ExpressionResult IsAfter(Evaluator scope, object?[] args) =>
        TwoDates(args, out var a, out var b) is { } error ? ExpressionResult.Fail(error) : ExpressionResult.Ok(a > b);

    public static ExpressionResult IsBefore(Evaluator scope, object?[] args) =>
        TwoDates(args, out var a, out var b) is { } error ? ExpressionResult.Fail(error) : ExpressionResult.Ok(a < b);

    public static ExpressionResult Duration(Evaluator scope, object?[] args) =>
        Arguments.Duration(args[0], out var duration) is { } error
            ? ExpressionResult.Fail(error)
            : ExpressionResult.Ok(duration.ToString());

    private static string? TwoDates(object?[] args, out DateTimeOffset a, out DateTimeOffset b)
    {
        b = default;
        return Arguments.Date(args[0], out a) ?? Arguments.Date(args[1], out b);
    }
}
