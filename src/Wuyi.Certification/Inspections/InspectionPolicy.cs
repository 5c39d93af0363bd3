namespace Wuyi.Certification.Inspections;

/// <summary>
/// How the province inspects certified areas (定期和不定期、明查和暗访), set by an administrator: scheduled checks every
/// <see cref="Interval"/>, the first at a random offset per area within <see cref="FirstCheckWithin"/>, each drawn covert
/// (暗访) with probability <see cref="CovertShare"/> and open (明查) otherwise.
/// </summary>
public sealed class InspectionPolicy
{
    /// <summary>The one row's key.</summary>
    public const int Current = 1;

    /// <summary>Always <see cref="Current"/>.</summary>
    public int Id { get; init; } = Current;

    /// <summary>Time between scheduled checks of one area, ISO 8601 days (e.g. <c>P30D</c>).</summary>
    public required string Interval { get; set; }

    /// <summary>The share of scheduled checks that are covert, 0 to 1.</summary>
    public double CovertShare { get; set; }

    /// <summary>The first scheduled check of an area comes at a random whole number of days in (0, this] after certification.</summary>
    public required string FirstCheckWithin { get; set; }

    /// <summary>When it was last set.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Who set it.</summary>
    public string? UpdatedBy { get; set; }
}
