namespace Wuyi.Engine.Model;

/// <summary>
/// Limits a model must keep to be accepted: what would otherwise let one deployment cost the service far more
/// than its size suggests. The runtime passes its configured values; the defaults are the engine's.
/// </summary>
public sealed record ModelLimits
{
    /// <summary>The engine's defaults.</summary>
    public static ModelLimits Default { get; } = new();

    /// <summary>Deepest element nesting of the XML (a real model nests a dozen levels; reading cost grows with depth).</summary>
    public int MaxXmlDepth { get; init; } = 64;

    /// <summary>Shortest interval of a repeating timer: a cycle of a millisecond would fire thousands of times a second.</summary>
    public TimeSpan MinCycleInterval { get; init; } = TimeSpan.FromMinutes(1);
}
