namespace Wuyi.Certification.Regions;

/// <summary>How the areas (villages, communities, compounds) under a region stand, counted from the certifications table.</summary>
/// <param name="Areas">The areas under the region (itself included when it is one).</param>
/// <param name="Certified">Certifications certified now.</param>
/// <param name="Applied">Certifications under way: applied, in their 7-day observation, in review or revising.</param>
/// <param name="Suspended">Certifications suspended now (暂停认定).</param>
/// <param name="Cancelled">Certifications that ended cancelled, delisted or disqualified (撤销、摘牌).</param>
/// <param name="None">Areas with no certification certified, under way or suspended.</param>
public sealed record RegionCounts(int Areas, int Certified, int Applied, int Suspended, int Cancelled, int None)
{
    /// <summary>The statuses counted as under way.</summary>
    public static readonly IReadOnlySet<string> UnderWay = new HashSet<string>(StringComparer.Ordinal)
    {
        "applying", "observing", "township-review", "county-assessment", "provincial-filing", "revising", "publishing",
    };

    /// <summary>The statuses counted as cancelled.</summary>
    public static readonly IReadOnlySet<string> Ended = new HashSet<string>(StringComparer.Ordinal) { "cancelled", "delisted", "disqualified" };

    /// <summary>Counts from the number of areas and the number of certifications per status.</summary>
    public static RegionCounts Of(int areas, IReadOnlyDictionary<string, int> byStatus)
    {
        int Sum(Func<string, bool> which) => byStatus.Where(s => which(s.Key)).Sum(s => s.Value);
        var certified = Sum(s => s == "certified");
        var applied = Sum(UnderWay.Contains);
        var suspended = Sum(s => s == "suspended");
        return new(areas, certified, applied, suspended, Sum(Ended.Contains), Math.Max(0, areas - certified - applied - suspended));
    }
}
