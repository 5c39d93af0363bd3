namespace Wuyi.Engine.Tests.Support;

/// <summary>A theory that needs the real expression language; see <see cref="ExpressionFactAttribute"/>.</summary>
public sealed class ExpressionTheoryAttribute : TheoryAttribute
{
    public ExpressionTheoryAttribute()
    {
        if (!ExpressionFactAttribute.ExpressionsAvailable) Skip = "Wuyi.Expressions does not evaluate non-literal expressions yet";
    }
}
