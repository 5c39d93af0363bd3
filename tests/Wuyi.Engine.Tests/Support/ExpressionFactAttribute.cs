using Wuyi.Expressions;

namespace Wuyi.Engine.Tests.Support;

/// <summary>
/// A fact that needs the real expression language (variables, operators). Until Wuyi.Expressions evaluates
/// more than literals, it is skipped with a reason; once it does, it runs — no edit needed here.
/// </summary>
public sealed class ExpressionFactAttribute : FactAttribute
{
    public ExpressionFactAttribute()
    {
        if (!ExpressionsAvailable) Skip = "Wuyi.Expressions does not evaluate non-literal expressions yet";
    }

    public static bool ExpressionsAvailable { get; } = Probe();

    private static bool Probe()
    {
        var parsed = Expression.Parse("${a + 1}");
        if (parsed.Expression is null) return false;
        var result = parsed.Expression.Evaluate(new EvaluationContext((string name, out object? value) =>
        {
            value = 41L;
            return name == "a";
        }, DateTimeOffset.UnixEpoch));
        return result.Success && result.Value is 42L;
    }
}
