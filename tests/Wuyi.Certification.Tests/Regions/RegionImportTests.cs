using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wuyi.Certification.Persistence;
using Wuyi.Certification.Regions;
using Wuyi.Testing;

namespace Wuyi.Certification.Tests.Regions;

public sealed class RegionImportTests
{
    private static readonly RegionRow[] Hainan =
    [
        new("46", "海南省", RegionLevel.Province, null),
        new("4601", "海口市", RegionLevel.City, "46"),
        new("460105", "秀英区", RegionLevel.County, "4601"),
    ];

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task LoadAsync_ChildrenBeforeParents_AllWritten(string kind)
    {
        await using var database = await CertificationDatabase.CreateAsync(kind);

        await Load(database, [.. Hainan.Reverse()]);

        Assert.Equal(["46", "4601", "460105"], await Codes(database));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task LoadAsync_KnownCode_Renamed(string kind)
    {
        await using var database = await CertificationDatabase.CreateAsync(kind);
        await Load(database, Hainan);

        await Load(database, [new("460105", "秀英区（新）", RegionLevel.County, "4601")]);

        var name = await database.InScopeAsync(s => s.GetRequiredService<CertificationDbContext>().Regions.Where(r => r.Code == "460105").Select(r => r.Name).SingleAsync());
        Assert.Equal("秀英区（新）", name);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task LoadAsync_ParentNowhere_RefusedAndNothingWritten(string kind)
    {
        await using var database = await CertificationDatabase.CreateAsync(kind);
        await Load(database, Hainan);

        var error = await Assert.ThrowsAsync<RegionFileException>(() => Load(database,
            [new("460106", "龙华区", RegionLevel.County, "4601"), new("460201001", "某街道", RegionLevel.Township, "460201")]));

        Assert.Equal("f.csv: the parent 460201 of 460201001 (某街道) is neither in the file nor in the database.", error.Message);
        Assert.Equal(["46", "4601", "460105"], await Codes(database));
    }

    private static Task<int> Load(CertificationDatabase database, IReadOnlyList<RegionRow> rows) =>
        database.InScopeAsync(s => s.GetRequiredService<RegionImport>().LoadAsync(rows, "f.csv", CancellationToken.None));

    private static Task<List<string>> Codes(CertificationDatabase database) =>
        database.InScopeAsync(s => s.GetRequiredService<CertificationDbContext>().Regions.OrderBy(r => r.Code).Select(r => r.Code).ToListAsync());
}
