namespace Wuyi.Certification.Regions;

/// <summary>One node of the region tree: a region, or a compound under a community.</summary>
/// <param name="Code">Its code (2, 4, 6, 9 or 12 digits; a compound 15).</param>
/// <param name="Name">Its name.</param>
/// <param name="Level"><c>province</c>, <c>city</c>, <c>county</c>, <c>township</c>, <c>village</c>, <c>community</c> or <c>compound</c>.</param>
/// <param name="HasChildren">Whether anything lies under it (regions, or compounds under a community).</param>
/// <param name="Counts">How the areas under it stand.</param>
public sealed record RegionNode(string Code, string Name, string Level, bool HasChildren, RegionCounts Counts);
