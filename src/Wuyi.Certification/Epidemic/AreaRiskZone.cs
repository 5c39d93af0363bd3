namespace Wuyi.Certification.Epidemic;

/// <summary>The risk zone an area lies in now, as the latest <c>risk-zone-changed</c> signal set it.</summary>
public sealed class AreaRiskZone
{
    /// <summary>The area code.</summary>
    public required string AreaCode { get; init; }

    /// <summary>One of <see cref="RiskZones"/>.</summary>
    public required string Level { get; set; }

    /// <summary>When it changed (the signal's time): an older signal never overrides a newer one.</summary>
    public DateTimeOffset ChangedAt { get; set; }
}
