namespace Wuyi.Scripting;

/// <summary>What one script may use before it is stopped. The defaults keep a script task well inside one step.</summary>
public sealed record ScriptLimits
{
    /// <summary>Wall-clock time per run.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Statements executed per run.</summary>
    public int MaxStatements { get; init; } = 100_000;

    /// <summary>Bytes allocated per run.</summary>
    public long MaxMemoryBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Depth of nested function calls.</summary>
    public int MaxRecursion { get; init; } = 64;

    /// <summary>Elements of one array.</summary>
    public uint MaxArraySize { get; init; } = 100_000;

    /// <summary>Length of a script's text, in characters.</summary>
    public int MaxSourceLength { get; init; } = 64 * 1024;

    /// <summary>Nesting of brackets in a script's text: the parser descends once per level, on the thread's stack.</summary>
    public int MaxNesting { get; init; } = 128;
}
