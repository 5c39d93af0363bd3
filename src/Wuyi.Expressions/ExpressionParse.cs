namespace Wuyi.Expressions;

/// <summary>The outcome of <see cref="Expression.Parse"/>: the expression, or an error with its position.</summary>
/// <param name="Expression">The compiled expression when parsing succeeded.</param>
/// <param name="Error">The syntax error when it did not.</param>
public sealed record ExpressionParse(Expression? Expression, ExpressionError? Error)
{
    /// <summary>True when <see cref="Expression"/> is set.</summary>
    public bool Success => Error is null;
}
