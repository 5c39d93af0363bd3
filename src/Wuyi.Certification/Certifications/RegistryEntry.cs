using Wuyi.Certification.Areas;

namespace Wuyi.Certification.Certifications;

/// <summary>One area on the public registry of certified areas.</summary>
/// <param name="AreaCode">The area.</param>
/// <param name="AreaName">Its name.</param>
/// <param name="Status"><c>certified</c> or <c>suspended</c> (暂停认定).</param>
/// <param name="CertifiedSince">When it was certified (published).</param>
/// <param name="SuspendedSince">When it was suspended, while suspended.</param>
/// <param name="Path">Province, city, county and township (and a compound's community), top down.</param>
/// <param name="Benefits">The benefits in force and since when, so a county can act on them.</param>
public sealed record RegistryEntry(string AreaCode, string? AreaName, string Status, DateTimeOffset? CertifiedSince, DateTimeOffset? SuspendedSince,
    IReadOnlyList<RegionRef> Path, BenefitsView Benefits);
