namespace Wuyi.Certification.Epidemic;

/// <summary>The three kinds of county the notice names (创建范围).</summary>
public static class CountyStates
{
    /// <summary>未发生疫情的市县: no infection recorded since the programme's start and nothing declared.</summary>
    public const string NoOutbreak = "no-outbreak";

    /// <summary>实现社会面动态清零的市县: dynamic zero declared after the county's latest infection.</summary>
    public const string DynamicZero = "dynamic-zero";

    /// <summary>尚未实现社会面动态清零的市县: an infection with no declaration after it, or dynamic zero lost.</summary>
    public const string NotDynamicZero = "not-dynamic-zero";
}
