using Wuyi.Expressions.Evaluation;

namespace Wuyi.Expressions.Functions;

/// <summary>Argument conversions shared by the function bodies; each returns an error message or null.</summary>
internal static class Arguments
{
    /// <summary>The text form of an argument, charging for its length.</summary>
    public static string? Text(Evaluator scope, object? value, out string text)
    {
        var error = ValueText.ToText(value, scope, out text);
        if (error is null && !scope.Charge(text.Length / 256))
        {
            return scope.BudgetMessage;
        }

        return error;
    }

    /// <summary>An ISO 8601 date argument.</summary>
    public static string? Date(object? value, out DateTimeOffset date)
    {
        date = default;
        return value is string s && IsoDate.TryParse(s, out date)
            ? null
            : $"expected an ISO 8601 date but found {ValueText.Describe(value)}";
    }

    /// <summary>An ISO 8601 duration argument.</summary>
    public static string? Duration(object? value, out IsoDuration duration)
    {
        duration = default;
        return value is string s && IsoDuration.TryParse(s, out duration)
            ? null
            : $"expected an ISO 8601 duration such as 'P7D' but found {ValueText.Describe(value)}";
    }

    /// <summary>A number argument (JUEL coercion, but null is an error here).</summary>
    public static string? Number(object? value, out object number)
    {
        number = 0L;
        return value is null ? "expected a number but found null" : Coercion.ToNumber(value, out number);
    }
}
