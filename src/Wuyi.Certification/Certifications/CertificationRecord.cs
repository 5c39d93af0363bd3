namespace Wuyi.Certification.Certifications;

/// <summary>
/// One certification as lists and the public registry query it (table <c>certifications</c>): its status and dates,
/// projected from the instance's state at <see cref="Revision"/> by <see cref="CertificationProjection"/>, so that
/// lists page by status in SQL instead of reading every state document.
/// </summary>
public sealed class CertificationRecord
{
    /// <summary>The certification instance.</summary>
    public required string InstanceId { get; init; }

    /// <summary>The area (the instance's business key).</summary>
    public required string AreaCode { get; init; }

    /// <summary>The area's name.</summary>
    public string? AreaName { get; set; }

    /// <summary>The model's <c>status</c> variable, e.g. <c>certified</c>, <c>suspended</c>, <c>delisted</c>.</summary>
    public required string Status { get; set; }

    /// <summary>When it was applied for (the instance's start).</summary>
    public DateTimeOffset AppliedAt { get; init; }

    /// <summary>When it was published, if it was.</summary>
    public DateTimeOffset? CertifiedAt { get; set; }

    /// <summary>When it was last suspended (暂停认定), if it was.</summary>
    public DateTimeOffset? SuspendedAt { get; set; }

    /// <summary>Benefit: <c>lowered</c> (降级管控、优先解封) while certified, else <c>standard</c>.</summary>
    public string? ControlLevel { get; set; }

    /// <summary>Benefit: <c>reduced</c> nucleic-acid testing while certified, else <c>standard</c>.</summary>
    public string? TestingFrequency { get; set; }

    /// <summary>Benefit: the stay-inside regime (人不出区、错峰取物、区内有序流动) applies.</summary>
    public bool StayInsideRegime { get; set; }

    /// <summary>When the benefits last changed.</summary>
    public DateTimeOffset? BenefitsSince { get; set; }

    /// <summary>When it ended, if it did.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>The instance's revision this row was projected from: a row never goes back to an older one.</summary>
    public int Revision { get; set; }
}
