using Microsoft.EntityFrameworkCore;
using Wuyi.Certification.Persistence;
using Wuyi.Certification.Regions;

namespace Wuyi.Certification.Areas;

/// <summary>Finds areas (villages and communities from the regions, registered compounds) and registers compounds.</summary>
public sealed class AreaDirectory(CertificationDbContext db, TimeProvider clock)
{
    /// <summary>Compound codes are the community's 12 digits and this many more.</summary>
    public const int CompoundSuffixLength = 3;

    /// <summary>The area with <paramref name="code"/>, or null when no village, community or compound has it.</summary>
    public async Task<AreaInfo?> FindAsync(string code, CancellationToken cancellationToken)
    {
        if (code.Length == 12 + CompoundSuffixLength && code.All(char.IsAsciiDigit))
        {
            var compound = await db.Compounds.AsNoTracking().SingleOrDefaultAsync(c => c.Code == code, cancellationToken);
            if (compound is null)
                return null;
            var path = await PathAsync(compound.CommunityCode, cancellationToken);
            return new AreaInfo(compound.Code, compound.Name, "compound", path);
        }
        if (Region.LevelOf(code) != RegionLevel.Village)
            return null;
        var region = await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Code == code, cancellationToken);
        if (region is null)
            return null;
        return new AreaInfo(region.Code, region.Name, TypeOf(region.Name), await PathAsync(region.ParentCode, cancellationToken));
    }

    /// <summary>The names of a region and those above it, top down (a compound's community included).</summary>
    public async Task<IReadOnlyList<RegionRef>> PathAsync(string? code, CancellationToken cancellationToken)
    {
        if (code is null)
            return [];
        var codes = new List<string>();
        foreach (var length in (int[])[2, 4, 6, 9, 12])
            if (code.Length >= length)
                codes.Add(code[..length]);
        var names = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, cancellationToken);
        return [.. codes.Where(names.ContainsKey).Select(c => new RegionRef(c, names[c]))];
    }

    /// <summary>Whether a region with <paramref name="code"/> exists (any level), or a compound has it.</summary>
    public async Task<bool> RegionExistsAsync(string code, CancellationToken cancellationToken) =>
        await db.Regions.AnyAsync(r => r.Code == code, cancellationToken) || await db.Compounds.AnyAsync(c => c.Code == code, cancellationToken);

    /// <summary>Every area (village, community, compound) under <paramref name="regionCode"/>, itself included when it is one.</summary>
    public async Task<List<string>> AreasUnderAsync(string regionCode, CancellationToken cancellationToken)
    {
        var villages = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Village && r.Code.StartsWith(regionCode))
            .Select(r => r.Code).ToListAsync(cancellationToken);
        var compounds = await db.Compounds.AsNoTracking().Where(c => c.Code.StartsWith(regionCode)).Select(c => c.Code).ToListAsync(cancellationToken);
        return [.. villages.Concat(compounds).Order(StringComparer.Ordinal)];
    }

    /// <summary>Registers a compound under a community, with the next free 3-digit suffix.</summary>
    /// <returns>The compound, or an error saying why it was refused.</returns>
    public async Task<(Compound? Compound, string? Error, bool Conflict)> RegisterCompoundAsync(string communityCode, string name, string actor,
        CancellationToken cancellationToken)
    {
        name = name.Trim();
        if (name.Length is 0 or > 100)
            return (null, "name is required (at most 100 characters): the compound's name.", false);
        if (Region.LevelOf(communityCode) != RegionLevel.Village || !await db.Regions.AnyAsync(r => r.Code == communityCode, cancellationToken))
            return (null, $"communityCode '{communityCode}' is not a known village or community (a 12-digit division code).", false);
        var existing = await db.Compounds.Where(c => c.CommunityCode == communityCode).Select(c => new { c.Code, c.Name }).ToListAsync(cancellationToken);
        if (existing.Any(c => c.Name == name))
            return (null, $"the community {communityCode} already has a compound named '{name}' ({existing.First(c => c.Name == name).Code}).", true);
        var next = existing.Count == 0 ? 1 : existing.Max(c => int.Parse(c.Code[12..], System.Globalization.CultureInfo.InvariantCulture)) + 1;
        if (next > 999)
            return (null, $"the community {communityCode} has no compound code left.", true);
        var compound = new Compound
        {
            Code = communityCode + next.ToString("D3", System.Globalization.CultureInfo.InvariantCulture), Name = name, CommunityCode = communityCode,
            RegisteredAt = clock.GetUtcNow(), RegisteredBy = actor,
        };
        db.Compounds.Add(compound);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request took the code or the name at the same moment.
            db.ChangeTracker.Clear();
            return (null, $"another compound was registered under {communityCode} at the same time; try again.", true);
        }
        return (compound, null, false);
    }

    internal static string TypeOf(string name) =>
        name.Contains("社区", StringComparison.Ordinal) || name.Contains("居委会", StringComparison.Ordinal) || name.Contains("居民委员会", StringComparison.Ordinal)
            ? "community" : "village";
}
