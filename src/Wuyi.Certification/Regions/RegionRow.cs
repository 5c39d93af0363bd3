namespace Wuyi.Certification.Regions;

/// <summary>A row of a regions file, validated.</summary>
/// <param name="Code">The statistical division code.</param>
/// <param name="Name">The Chinese name.</param>
/// <param name="Level">The level the code denotes.</param>
/// <param name="ParentCode">The parent's code; null for a province.</param>
public readonly record struct RegionRow(string Code, string Name, RegionLevel Level, string? ParentCode);
