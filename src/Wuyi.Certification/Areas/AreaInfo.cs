namespace Wuyi.Certification.Areas;

/// <summary>An area that may be certified (village, community or compound) with the codes and names of the regions above it.</summary>
/// <param name="Code">The area code.</param>
/// <param name="Name">The area's name.</param>
/// <param name="Type"><c>village</c>, <c>community</c> or <c>compound</c>.</param>
/// <param name="Path">The regions above it, top down: province, city, county, township (and the community of a compound).</param>
public sealed record AreaInfo(string Code, string Name, string Type, IReadOnlyList<RegionRef> Path)
{
    /// <summary>The 2-digit province code.</summary>
    public string ProvinceCode => Code[..2];

    /// <summary>The 4-digit city code.</summary>
    public string CityCode => Code[..4];

    /// <summary>The 6-digit county code.</summary>
    public string CountyCode => Code[..6];

    /// <summary>The 9-digit township code.</summary>
    public string TownshipCode => Code[..9];
}
