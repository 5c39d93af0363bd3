using Microsoft.EntityFrameworkCore;
using Wuyi.Certification.Areas;
using Wuyi.Certification.Persistence;

namespace Wuyi.Certification.Regions;

/// <summary>
/// The region tree, one level at a time (the national tree has 620,573 villages): a region's direct children with the
/// counts of the areas and certifications under each, from grouped queries over code ranges that the primary keys and
/// the certifications' area-code index serve — never the whole tree.
/// </summary>
public sealed class RegionTree(CertificationDbContext db)
{
    private const int CompoundLength = 12 + AreaDirectory.CompoundSuffixLength;

    /// <summary>The direct children of <paramref name="parent"/> in code order; null when no region or compound has that code.</summary>
    public async Task<List<RegionNode>?> ChildrenAsync(string parent, CancellationToken cancellationToken)
    {
        if (parent.Length == CompoundLength)
            return await db.Compounds.AnyAsync(c => c.Code == parent, cancellationToken) ? [] : null;
        var region = await db.Regions.AsNoTracking().Where(r => r.Code == parent).Select(r => new { r.Level }).SingleOrDefaultAsync(cancellationToken);
        if (region is null)
            return null;
        if (region.Level == RegionLevel.Village)
        {
            var compounds = await db.Compounds.AsNoTracking().Where(c => c.CommunityCode == parent).OrderBy(c => c.Code)
                .Select(c => new { c.Code, c.Name }).ToListAsync(cancellationToken);
            var counts = await CountsAsync(parent, CompoundLength, cancellationToken);
            return [.. compounds.Select(c => new RegionNode(c.Code, c.Name, "compound", false, Counted(counts, c.Code)))];
        }
        var children = await db.Regions.AsNoTracking().Where(r => r.ParentCode == parent).OrderBy(r => r.Code)
            .Select(r => new Child(r.Code, r.Name, r.Level)).ToListAsync(cancellationToken);
        return await NodesAsync(children, parent, cancellationToken);
    }

    /// <summary>The regions (or compounds) with <paramref name="codes"/> as nodes, in code order; unknown codes are left out.</summary>
    public async Task<List<RegionNode>> NodesAsync(IReadOnlyCollection<string> codes, CancellationToken cancellationToken)
    {
        var regions = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).Select(r => new Child(r.Code, r.Name, r.Level))
            .ToListAsync(cancellationToken);
        var nodes = new List<RegionNode>();
        // Each root is its own range (callers hold few regions).
        foreach (var root in regions)
            nodes.AddRange(await NodesAsync([root], root.Code, cancellationToken));
        var compounds = await db.Compounds.AsNoTracking().Where(c => codes.Contains(c.Code)).Select(c => new { c.Code, c.Name })
            .ToListAsync(cancellationToken);
        foreach (var compound in compounds)
            nodes.Add(new RegionNode(compound.Code, compound.Name, "compound", false, Counted(await CountsAsync(compound.Code, CompoundLength,
                cancellationToken), compound.Code)));
        return [.. nodes.OrderBy(n => n.Code, StringComparer.Ordinal)];
    }

    // Regions of one parent, or roots: counted by their code's length within the range of `under`.
    private async Task<List<RegionNode>> NodesAsync(List<Child> regions, string under, CancellationToken cancellationToken)
    {
        if (regions.Count == 0)
            return [];
        var codes = regions.Select(r => r.Code).ToList();
        var withChildren = new HashSet<string>(await db.Regions.AsNoTracking().Where(r => r.ParentCode != null && codes.Contains(r.ParentCode))
            .Select(r => r.ParentCode!).Distinct().ToListAsync(cancellationToken), StringComparer.Ordinal);
        if (regions.Any(r => r.Level == RegionLevel.Village))
            withChildren.UnionWith(await db.Compounds.AsNoTracking().Where(c => codes.Contains(c.CommunityCode)).Select(c => c.CommunityCode).Distinct()
                .ToListAsync(cancellationToken));
        var nodes = new List<RegionNode>(regions.Count);
        // Children of one parent share their code's length, but a province's cities and directly administered counties may not.
        foreach (var sameLength in regions.GroupBy(r => r.Code.Length))
        {
            var counts = await CountsAsync(under, sameLength.Key, cancellationToken);
            nodes.AddRange(sameLength.Select(r => new RegionNode(r.Code, r.Name, LevelName(r), withChildren.Contains(r.Code), Counted(counts, r.Code))));
        }
        return [.. nodes.OrderBy(n => n.Code, StringComparer.Ordinal)];
    }

    /// <summary>Per code prefix of <paramref name="length"/> under <paramref name="under"/>: its areas and its certifications by status.</summary>
    private async Task<Dictionary<string, (int Areas, Dictionary<string, int> Statuses)>> CountsAsync(string under, int length,
        CancellationToken cancellationToken)
    {
        var upper = RegionCodes.UpperBound(under);
        var regions = db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Village && string.Compare(r.Code, under) >= 0);
        var compoundRows = db.Compounds.AsNoTracking().Where(c => string.Compare(c.Code, under) >= 0);
        var certificationRows = db.Certifications.AsNoTracking().Where(c => string.Compare(c.AreaCode, under) >= 0);
        if (upper is not null)
        {
            regions = regions.Where(r => string.Compare(r.Code, upper) < 0);
            compoundRows = compoundRows.Where(c => string.Compare(c.Code, upper) < 0);
            certificationRows = certificationRows.Where(c => string.Compare(c.AreaCode, upper) < 0);
        }
        var villages = await regions.GroupBy(r => r.Code.Substring(0, length)).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var compounds = await compoundRows.GroupBy(c => c.Code.Substring(0, length)).Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var certifications = await certificationRows.GroupBy(c => new { Key = c.AreaCode.Substring(0, length), c.Status })
            .Select(g => new { g.Key.Key, g.Key.Status, Count = g.Count() }).ToListAsync(cancellationToken);
        var counts = new Dictionary<string, (int Areas, Dictionary<string, int> Statuses)>(StringComparer.Ordinal);
        (int Areas, Dictionary<string, int> Statuses) Entry(string key) =>
            counts.TryGetValue(key, out var entry) ? entry : counts[key] = (0, new Dictionary<string, int>(StringComparer.Ordinal));
        foreach (var row in villages.Concat(compounds))
            counts[row.Key] = (Entry(row.Key).Areas + row.Count, Entry(row.Key).Statuses);
        foreach (var row in certifications)
            Entry(row.Key).Statuses[row.Status] = Entry(row.Key).Statuses.GetValueOrDefault(row.Status) + row.Count;
        return counts;
    }

    private static RegionCounts Counted(Dictionary<string, (int Areas, Dictionary<string, int> Statuses)> counts, string code) =>
        counts.TryGetValue(code, out var entry) ? RegionCounts.Of(entry.Areas, entry.Statuses) : RegionCounts.Of(0, new Dictionary<string, int>());

    private static string LevelName(Child region) =>
        region.Level == RegionLevel.Village ? AreaDirectory.TypeOf(region.Name) : region.Level.ToString().ToLowerInvariant();

    private sealed record Child(string Code, string Name, RegionLevel Level);
}
