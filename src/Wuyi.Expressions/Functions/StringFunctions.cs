using System.Text;
using Wuyi.Expressions.Evaluation;

namespace Wuyi.Expressions.Functions;

/// <summary>String functions. Arguments are taken in their text form (null is ""), comparisons are ordinal,
/// and case mapping is culture-invariant so results never depend on the server's locale.</summary>
internal static class StringFunctions
{
    public static ExpressionResult Concat(Evaluator scope, object?[] args)
    {
        var builder = new StringBuilder();
        foreach (var arg in args)
        {
            var error = ValueText.Append(builder, arg, scope);
            if (error is not null)
            {
                return ExpressionResult.Fail(error);
            }

            if (builder.Length > Expression.MaxStringLength)
            {
                return ExpressionResult.Fail(Evaluator.TooLongMessage);
            }
        }

        return scope.Charge(builder.Length / 256) ? ExpressionResult.Ok(builder.ToString()) : ExpressionResult.Fail(scope.BudgetMessage);
    }

    public static ExpressionResult ToText(Evaluator scope, object?[] args) => Map(scope, args[0], s => s);

    public static ExpressionResult Upper(Evaluator scope, object?[] args) => Map(scope, args[0], s => s.ToUpperInvariant());

    public static ExpressionResult Lower(Evaluator scope, object?[] args) => Map(scope, args[0], s => s.ToLowerInvariant());

    public static ExpressionResult Trim(Evaluator scope, object?[] args) => Map(scope, args[0], s => s.Trim());

    public static ExpressionResult StartsWith(Evaluator scope, object?[] args) =>
        Test(scope, args, (s, p) => s.StartsWith(p, StringComparison.Ordinal));

    public static ExpressionResult EndsWith(Evaluator scope, object?[] args) =>
        Test(scope, args, (s, p) => s.EndsWith(p, StringComparison.Ordinal));

    /// <summary>Java's <c>substring(begin[, end])</c>: positions in UTF-16 code units, out of range is an error.</summary>
    public static ExpressionResult Substring(Evaluator scope, object?[] args)
    {
        var textError = Arguments.Text(scope, args[0], out var s);
        var startError = Coercion.ToInteger(args[1], out var start);
        if ((textError ?? startError) is { } error)
        {
            return ExpressionResult.Fail(error);
        }

        var end = (long)s.Length;
        if (args.Length > 2 && Coercion.ToInteger(args[2], out end) is { } endError)
        {
            return ExpressionResult.Fail(endError);
        }

        return start < 0 || end > s.Length || start > end
            ? ExpressionResult.Fail($"range {start}..{end} is out of bounds for a string of length {s.Length}")
            : ExpressionResult.Ok(s[(int)start..(int)end]);
    }

    private static ExpressionResult Map(Evaluator scope, object? arg, Func<string, string> map) =>
        Arguments.Text(scope, arg, out var text) is { } error ? ExpressionResult.Fail(error) : ExpressionResult.Ok(map(text));

    private static ExpressionResult Test(Evaluator scope, object?[] args, Func<string, string, bool> test)
    {
        var textError = Arguments.Text(scope, args[0], out var s);
        var prefixError = Arguments.Text(scope, args[1], out var p);
        if ((textError ?? prefixError) is { } error)
        {
            return ExpressionResult.Fail(error);
        }

        return ExpressionResult.Ok(test(s, p));
    }
}
