using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Snapshooter.Xunit;
using Wuyi.Certification.Persistence;
using Wuyi.Certification.Regions;
using Wuyi.Testing;

namespace Wuyi.Certification.Tests.Regions;

public sealed class RegionSeedTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task SeedIfEmptyAsync_FreshDatabase_HainanEveryLevelWithParents(string kind)
    {
        await using var database = await CertificationDatabase.CreateAsync(kind);

        var written = await database.InScopeAsync(s => s.GetRequiredService<RegionSeed>().SeedIfEmptyAsync(CancellationToken.None));

        var counts = await database.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<CertificationDbContext>();
            return await db.Regions.GroupBy(r => r.Level).Select(g => new { Level = g.Key, Count = g.Count() })
                .OrderBy(c => c.Level).ToListAsync();
        });
        Assert.Equal(3572, written);
        Assert.Equal([(RegionLevel.Province, 1), (RegionLevel.City, 5), (RegionLevel.County, 27), (RegionLevel.Township, 243), (RegionLevel.Village, 3296)],
            counts.Select(c => (c.Level, c.Count)));
        var orphans = await database.InScopeAsync(s =>
        {
            var db = s.GetRequiredService<CertificationDbContext>();
            return db.Regions.CountAsync(r => r.Level != RegionLevel.Province && !db.Regions.Any(p => p.Code == r.ParentCode && p.Level == r.Level - 1));
        });
        Assert.Equal(0, orphans);
    }

    [Fact]
    public async Task SeedIfEmptyAsync_Twice_SecondWritesNothing()
    {
        await using var database = await CertificationDatabase.CreateAsync("sqlite");
        await database.InScopeAsync(s => s.GetRequiredService<RegionSeed>().SeedIfEmptyAsync(CancellationToken.None));

        var second = await database.InScopeAsync(s => s.GetRequiredService<RegionSeed>().SeedIfEmptyAsync(CancellationToken.None));

        Assert.Equal(0, second);
    }

    [Fact]
    public async Task SeedIfEmptyAsync_Xiuying_PathFromVillageToProvince()
    {
        await using var database = await CertificationDatabase.CreateAsync("sqlite");
        await database.InScopeAsync(s => s.GetRequiredService<RegionSeed>().SeedIfEmptyAsync(CancellationToken.None));

        var path = await database.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<CertificationDbContext>();
            var chain = new List<string>();
            for (string? code = "460105001001"; code is not null;)
            {
                var region = await db.Regions.SingleAsync(r => r.Code == code);
                chain.Add($"{region.Level} {region.Code} {region.Name}");
                code = region.ParentCode;
            }
            return chain;
        });

        path.MatchSnapshot();
    }
}
