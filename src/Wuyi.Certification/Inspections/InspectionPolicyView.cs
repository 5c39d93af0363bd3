namespace Wuyi.Certification.Inspections;

/// <summary>The inspection policy in force.</summary>
/// <param name="Interval">Time between scheduled checks of one area.</param>
/// <param name="CovertShare">The share of scheduled checks that are covert.</param>
/// <param name="FirstCheckWithin">The range of the random first-check offset per area.</param>
/// <param name="UpdatedAt">When an administrator last set it; null while the settings' defaults apply.</param>
/// <param name="UpdatedBy">Who set it.</param>
public sealed record InspectionPolicyView(string Interval, double CovertShare, string FirstCheckWithin, DateTimeOffset? UpdatedAt, string? UpdatedBy)
{
    /// <summary>The interval in whole days.</summary>
    public int IntervalDays => InspectionPolicies.Days(Interval) ?? 30;

    /// <summary>The first-check range in whole days.</summary>
    public int FirstCheckWithinDays => InspectionPolicies.Days(FirstCheckWithin) ?? IntervalDays;
}
