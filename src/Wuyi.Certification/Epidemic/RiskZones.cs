namespace Wuyi.Certification.Epidemic;

/// <summary>The risk zone levels of signal <c>risk-zone-changed</c>.</summary>
public static class RiskZones
{
    /// <summary>高风险区: a certified area here may run the stay-inside regime (人不出区、错峰取物、区内有序流动).</summary>
    public const string High = "high";

    /// <summary>中风险区.</summary>
    public const string Medium = "medium";

    /// <summary>低风险区 (and an area never signalled).</summary>
    public const string Low = "low";

    /// <summary>Every level.</summary>
    public static readonly IReadOnlyList<string> All = [High, Medium, Low];
}
