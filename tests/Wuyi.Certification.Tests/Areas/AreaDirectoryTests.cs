using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Wuyi.Certification.Areas;
using Wuyi.Certification.Persistence;
using Wuyi.Certification.Regions;

namespace Wuyi.Certification.Tests.Areas;

public sealed class AreaDirectoryTests
{
    private static readonly FakeTimeProvider Clock = new(DateTimeOffset.Parse("2022-08-24T01:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task RegisterCompoundAsync_TwoCompounds_NextSuffixesAndFoundWithPath()
    {
        await using var database = await CertificationDatabase.CreateAsync("postgres");
        await database.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<RegionSeed>().SeedIfEmptyAsync(CancellationToken.None);
            var areas = new AreaDirectory(sp.GetRequiredService<CertificationDbContext>(), Clock);
            var first = await areas.RegisterCompoundAsync("460105001001", "海景花园", "tester", CancellationToken.None);
            var second = await areas.RegisterCompoundAsync("460105001001", "椰林小区", "tester", CancellationToken.None);
            Assert.Equal("460105001001001", first.Compound!.Code);
            Assert.Equal("460105001001002", second.Compound!.Code);
            var same = await areas.RegisterCompoundAsync("460105001001", "海景花园", "tester", CancellationToken.None);
            Assert.True(same.Conflict);
            var unknown = await areas.RegisterCompoundAsync("460105001999", "x", "tester", CancellationToken.None);
            Assert.Contains("460105001999", unknown.Error);

            var found = await areas.FindAsync("460105001001002", CancellationToken.None);
            Assert.Equal("compound", found!.Type);
            Assert.Equal("460105001", found.TownshipCode);
            Assert.Equal(["46", "4601", "460105", "460105001", "460105001001"], found.Path.Select(p => p.Code).ToArray());
            Assert.Equal("community", (await areas.FindAsync("460105001001", CancellationToken.None))!.Type);
            Assert.Null(await areas.FindAsync("460105001", CancellationToken.None));
            var under = await areas.AreasUnderAsync("460105001001", CancellationToken.None);
            Assert.Equal(["460105001001", "460105001001001", "460105001001002"], under.ToArray());
            return 0;
        });
    }
}
