namespace Wuyi.Certification.Regions;

/// <summary>One administrative division with its statistical code, Chinese name and parent.</summary>
public sealed class Region
{
    /// <summary>The statistical division code, e.g. <c>460105001001</c>.</summary>
    public required string Code { get; init; }

    /// <summary>The Chinese name, e.g. 秀华社区居委会.</summary>
    public required string Name { get; set; }

    /// <summary>The level, which follows from the code's length.</summary>
    public RegionLevel Level { get; init; }

    /// <summary>The parent division's code; null for a province.</summary>
    public string? ParentCode { get; set; }

    /// <summary>The level that a code of this length denotes, or null when no level has that length.</summary>
    public static RegionLevel? LevelOf(string code) => code.Length switch
    {
        2 => RegionLevel.Province,
        4 => RegionLevel.City,
        6 => RegionLevel.County,
        9 => RegionLevel.Township,
        12 => RegionLevel.Village,
        _ => null,
    };
}
