namespace Wuyi.Certification.Certifications;

/// <summary>The three review levels of the certification model: the user task and the name its latest record goes by.</summary>
public static class ReviewLevels
{
    /// <summary>Task element id → the key of its latest record in <see cref="CertificationDetail.Criteria"/>, in the order they review.</summary>
    public static readonly IReadOnlyList<(string Element, string RecordName)> All =
    [
        ("TownshipReview", "townshipReview"),
        ("CountyAssessment", "countyAssessment"),
        ("ProvincialFiling", "provincialFiling"),
    ];

    /// <summary>The review tasks' element ids.</summary>
    public static readonly IReadOnlyList<string> Elements = [.. All.Select(l => l.Element)];
}
