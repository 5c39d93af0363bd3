namespace Wuyi.Certification.Epidemic;

/// <summary>An area's latest infection (confirmed or asymptomatic): the start of its 7-day count.</summary>
public sealed class AreaInfection
{
    /// <summary>The area code.</summary>
    public required string AreaCode { get; init; }

    /// <summary>When the latest infection occurred.</summary>
    public DateTimeOffset LastInfectionAt { get; set; }

    /// <summary>The health department's reference of that case.</summary>
    public required string Reference { get; set; }
}
