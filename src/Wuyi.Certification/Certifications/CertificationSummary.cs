namespace Wuyi.Certification.Certifications;

/// <summary>One certification in a list.</summary>
/// <param name="Id">The instance id.</param>
/// <param name="AreaCode">The area.</param>
/// <param name="AreaName">The area's name.</param>
/// <param name="Status">The certification's <c>status</c> variable (e.g. <c>observing</c>, <c>certified</c>, <c>delisted</c>).</param>
/// <param name="AppliedAt">When it was applied for.</param>
/// <param name="CertifiedAt">When it was published, if it was.</param>
/// <param name="EndedAt">When it ended, if it did.</param>
public sealed record CertificationSummary(string Id, string AreaCode, string? AreaName, string Status, DateTimeOffset AppliedAt,
    DateTimeOffset? CertifiedAt, DateTimeOffset? EndedAt);
