namespace Wuyi.Certification.Signals;

/// <summary>What became of a received signal, as its history says.</summary>
public static class SignalOutcomes
{
    /// <summary>Accepted the first time: the epidemic status and the certifications changed.</summary>
    public const string Applied = "applied";

    /// <summary>An id received before: answered as the first time, nothing changed again.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>Refused: no village, community, compound or region has its code.</summary>
    public const string UnknownArea = "unknown-area";

    /// <summary>Refused for another reason (see its error).</summary>
    public const string Refused = "refused";

    /// <summary>Every outcome.</summary>
    public static readonly IReadOnlyList<string> All = [Applied, Duplicate, UnknownArea, Refused];
}
