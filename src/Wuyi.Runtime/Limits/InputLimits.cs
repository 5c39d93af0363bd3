namespace Wuyi.Runtime.Limits;

/// <summary>
/// Every limit on what callers may send, section <c>Wuyi:Limits</c>, in one place so the edge that refuses an input
/// and the code that later reads it back use the same numbers (what is stored can always be read again).
/// Each is checked before anything is written; a refusal names the limit.
/// </summary>
public sealed class InputLimits
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Wuyi:Limits";

    /// <summary>Largest request body, also for chunked uploads (a deployed model included).</summary>
    public long MaxRequestBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Largest single variable value, as UTF-8 JSON.</summary>
    public int MaxVariableBytes { get; set; } = 256 * 1024;

    /// <summary>Largest stored state of one instance (variables, tokens and waits), as UTF-8 JSON.</summary>
    public int MaxInstanceStateBytes { get; set; } = 1024 * 1024;

    /// <summary>Deepest nesting of a JSON value (objects and arrays) in variables and request bodies.</summary>
    public int MaxJsonDepth { get; set; } = 32;

    /// <summary>Longest key: business key, message id, correlation key, idempotency key, names (the columns hold 200).</summary>
    public int MaxKeyLength { get; set; } = 200;

    /// <summary>Deepest XML element nesting of a deployed model.</summary>
    public int MaxModelXmlDepth { get; set; } = 64;

    /// <summary>Shortest interval of a repeating timer (cycle) a model may declare.</summary>
    public TimeSpan MinTimerCycleInterval { get; set; } = TimeSpan.FromMinutes(1);
}
