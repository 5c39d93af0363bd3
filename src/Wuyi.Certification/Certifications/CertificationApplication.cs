namespace Wuyi.Certification.Certifications;

/// <summary>An area's application (主动申报), as <c>POST /api/certifications</c> takes it.</summary>
/// <param name="AreaCode">The village, community or compound.</param>
/// <param name="SelfAssessment">The seven criteria (<see cref="Criteria.Keys"/>), each met or not.</param>
/// <param name="ContactPerson">Who to contact.</param>
/// <param name="InHighRiskZone">Whether the area lies in a high-risk zone (decides the stay-inside benefit).</param>
public sealed record CertificationApplication(string? AreaCode, IReadOnlyDictionary<string, bool>? SelfAssessment, ContactPerson? ContactPerson,
    bool? InHighRiskZone = null);
