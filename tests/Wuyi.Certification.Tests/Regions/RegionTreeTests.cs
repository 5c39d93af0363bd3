using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wuyi.Certification.Certifications;
using Wuyi.Certification.Persistence;
using Wuyi.Certification.Regions;
using Xunit.Abstractions;

namespace Wuyi.Certification.Tests.Regions;

public sealed class RegionTreeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ChildrenAsync_NationalSizedTree_OneLevelCountedWithoutReadingTheTree()
    {
        await using var database = await CertificationDatabase.CreateAsync("postgres");
        // 31 provinces × 10 cities × 10 counties × 20 townships × 10 villages: 620,000 villages, as many as the country's.
        var rows = NationalTree();
        await database.InScopeAsync(s => s.GetRequiredService<RegionImport>().LoadAsync(rows, "national.csv", CancellationToken.None));
        await database.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<CertificationDbContext>();
            var at = DateTimeOffset.Parse("2022-08-24T00:00:00Z", CultureInfo.InvariantCulture);
            db.Certifications.AddRange(Enumerable.Range(1, 300).Select(i => new CertificationRecord
            {
                InstanceId = $"c-{i}", AreaCode = $"4101{i % 10 + 1:D2}{i % 20 + 1:D3}{i % 10 + 1:D3}", Status = i % 3 == 0 ? "suspended" : "certified",
                AppliedAt = at,
            }));
            await db.SaveChangesAsync();
            // What autovacuum does after a bulk load: the planner's statistics.
            return await db.Database.ExecuteSqlRawAsync("ANALYZE");
        });

        var (province, provinceMs) = await TimedAsync(database, "41");
        var (county, countyMs) = await TimedAsync(database, "410101");
        var (township, townshipMs) = await TimedAsync(database, "410101001");
        output.WriteLine($"children of a province {provinceMs} ms, of a county {countyMs} ms, of a township {townshipMs} ms");

        Assert.Equal(10, province.Count);
        Assert.All(province, c => Assert.Equal(2000, c.Counts.Areas));
        Assert.Equal(300, province.Sum(c => c.Counts.Certified + c.Counts.Suspended));
        Assert.Equal(100, province.Sum(c => c.Counts.Suspended));
        Assert.Equal(20, county.Count);
        Assert.All(township, v => Assert.Equal(("village", false, 1), (v.Level, v.HasChildren, v.Counts.Areas)));
        // A guard against reading the whole tree (seconds on two shared cores), not a benchmark.
        Assert.True(provinceMs < 2000 && countyMs < 1000 && townshipMs < 1000, $"{provinceMs} / {countyMs} / {townshipMs} ms");
    }

    private static async Task<(List<RegionNode> Nodes, long Ms)> TimedAsync(CertificationDatabase database, string parent)
    {
        await database.InScopeAsync(s => s.GetRequiredService<RegionTree>().ChildrenAsync(parent, CancellationToken.None)); // warm
        var clock = Stopwatch.StartNew();
        var nodes = await database.InScopeAsync(s => s.GetRequiredService<RegionTree>().ChildrenAsync(parent, CancellationToken.None));
        return (nodes!, clock.ElapsedMilliseconds);
    }

    private static List<RegionRow> NationalTree()
    {
        var rows = new List<RegionRow>(700_000);
        for (var p = 11; p <= 41; p++)
        {
            var province = p.ToString("D2", CultureInfo.InvariantCulture);
            rows.Add(new(province, $"省{province}", RegionLevel.Province, null));
            for (var c = 1; c <= 10; c++)
            {
                var city = province + c.ToString("D2", CultureInfo.InvariantCulture);
                rows.Add(new(city, $"市{city}", RegionLevel.City, province));
                for (var k = 1; k <= 10; k++)
                {
                    var county = city + k.ToString("D2", CultureInfo.InvariantCulture);
                    rows.Add(new(county, $"县{county}", RegionLevel.County, city));
                    for (var t = 1; t <= 20; t++)
                    {
                        var town = county + t.ToString("D3", CultureInfo.InvariantCulture);
                        rows.Add(new(town, $"镇{town}", RegionLevel.Township, county));
                        for (var v = 1; v <= 10; v++)
                        {
                            var village = town + v.ToString("D3", CultureInfo.InvariantCulture);
                            rows.Add(new(village, $"村{village}", RegionLevel.Village, town));
                        }
                    }
                }
            }
        }
        return rows;
    }
}
