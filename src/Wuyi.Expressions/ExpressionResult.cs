namespace Wuyi.Expressions;

/// <summary>
/// The outcome of an evaluation. Values are JSON-shaped: <c>null</c>, <see cref="bool"/>, <see cref="long"/>,
/// <see cref="double"/>, <see cref="string"/>, <see cref="IReadOnlyList{T}"/> of values and
/// <see cref="IReadOnlyDictionary{TKey,TValue}"/> (string keys) of values. Dates are ISO 8601 strings.
/// </summary>
public readonly record struct ExpressionResult(object? Value, string? Error)
{
    /// <summary>True when evaluation succeeded.</summary>
    public bool Success => Error is null;

    /// <summary>A successful result.</summary>
    public static ExpressionResult Ok(object? value) => new(value, null);

    /// <summary>A failed result with a message naming the cause.</summary>
    public static ExpressionResult Fail(string error) => new(null, error);
}
