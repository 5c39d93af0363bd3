namespace Wuyi.Certification.Regions;

/// <summary>
/// The administrative levels, top down. The statistical division code's length tells the level:
/// 2 digits a province, 4 a city, 6 a county, 9 a township or street, 12 a village or community.
/// </summary>
public enum RegionLevel
{
    /// <summary>省: province (2-digit code).</summary>
    Province = 1,

    /// <summary>市: city, or a province's group of directly administered counties (4-digit code).</summary>
    City = 2,

    /// <summary>县/区: county or district (6-digit code); with the city, the level that assesses certifications.</summary>
    County = 3,

    /// <summary>乡镇/街道: township or street (9-digit code); reviews applications.</summary>
    Township = 4,

    /// <summary>村/社区: village or community (12-digit code); the areas that apply.</summary>
    Village = 5,
}
