namespace Wuyi.Certification.Epidemic;

/// <summary>Whether an area may take part now (创建范围), why, and its latest infection.</summary>
/// <param name="Eligible">May it take part.</param>
/// <param name="Reason">Why (shown when it may not; kept when it may).</param>
/// <param name="LastInfectionAt">The area's latest infection, or null.</param>
public sealed record Eligibility(bool Eligible, string Reason, DateTimeOffset? LastInfectionAt);
