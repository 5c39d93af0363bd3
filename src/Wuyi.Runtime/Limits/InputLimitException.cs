namespace Wuyi.Runtime.Limits;

/// <summary>
/// An input was refused by one of the <see cref="InputLimits"/> before anything was written. The edge answers 413 when
/// <see cref="TooLarge"/> and 400 otherwise, with <see cref="Exception.Message"/> as the detail.
/// </summary>
/// <param name="limit">The limit's name under <c>Wuyi:Limits</c>, e.g. <c>MaxJsonDepth</c>.</param>
/// <param name="field">The input in the API's terms, e.g. <c>variables.address</c>.</param>
/// <param name="tooLarge">True for a size limit (413), false for a shape limit (400).</param>
/// <param name="message">What was wrong, naming the field and the limit.</param>
public sealed class InputLimitException(string limit, string field, bool tooLarge, string message) : Exception(message)
{
    /// <summary>The limit's name under <c>Wuyi:Limits</c>.</summary>
    public string Limit { get; } = limit;

    /// <summary>The refused input in the API's terms.</summary>
    public string Field { get; } = field;

    /// <summary>True for a size limit.</summary>
    public bool TooLarge { get; } = tooLarge;
}
