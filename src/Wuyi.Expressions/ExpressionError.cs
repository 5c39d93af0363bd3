namespace Wuyi.Expressions;

/// <summary>A syntax error: what was wrong and where (zero-based character offset in the text).</summary>
public sealed record ExpressionError(string Message, int Position);
