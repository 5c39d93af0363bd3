namespace Wuyi.Certification.Inspections;

/// <summary>An inspection policy as an administrator sets it (<c>PUT /api/inspection-policy</c>).</summary>
/// <param name="Interval">Time between scheduled checks of one area, ISO 8601 whole days (e.g. <c>P30D</c>).</param>
/// <param name="CovertShare">The share of scheduled checks that are covert (暗访), 0 to 1.</param>
/// <param name="FirstCheckWithin">The first check comes at a random day in (0, this] after certification; default the interval.</param>
public sealed record InspectionPolicySettings(string? Interval, double? CovertShare, string? FirstCheckWithin = null);
