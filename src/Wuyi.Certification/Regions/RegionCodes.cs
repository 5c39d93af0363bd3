namespace Wuyi.Certification.Regions;

/// <summary>Region codes as prefixes of the codes under them.</summary>
public static class RegionCodes
{
    /// <summary>
    /// The least digit string above every code that starts with <paramref name="prefix"/> (digits): <c>4601</c> →
    /// <c>4602</c>, <c>4609</c> → <c>461</c>; null when there is none (all nines). With it, "under a region" is a range
    /// a B-tree index serves, where <c>LIKE 'prefix%'</c> needs the C collation.
    /// </summary>
    public static string? UpperBound(string prefix)
    {
        for (var i = prefix.Length - 1; i >= 0; i--)
            if (prefix[i] is >= '0' and < '9')
                return prefix[..i] + (char)(prefix[i] + 1);
        return null;
    }
}
