using System.Text.Json;
using Wuyi.Server.Hosting;
using Wuyi.Server.Tests.Apis;
using Wuyi.Testing;

namespace Wuyi.Server.Tests.Certification;

/// <summary>The demo a first start of the embedded default shows: six certifications at different points, seeded once.</summary>
public sealed class DemoCertificationsTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task SeedDemo_SixCertificationsThroughTheRealProcess_OnceOnly(string kind)
    {
        using var database = TestDatabase.Create(kind);
        await using var server = await WuyiServer.StartAsync(database.Setting);

        await DatabaseStartup.SeedDemoAsync(server.Services, CancellationToken.None);
        await DatabaseStartup.SeedDemoAsync(server.Services, CancellationToken.None);

        var list = await server.Client.GetJsonAsync($"/api/certifications?region={DemoCertifications.County}&pageSize=50");
        var statuses = list.GetProperty("items").EnumerateArray().Select(i => i.Str("status")).Order().ToArray();
        Assert.Equal(["certified", "certified", "county-assessment", "revising", "suspended", "township-review"], statuses);
        var registry = await server.Client.GetJsonAsync("/api/public/registry?region=46");
        Assert.Equal((2, 1), (registry.GetProperty("certified").GetInt32(), registry.GetProperty("suspended").GetInt32()));
        var certified = list.GetProperty("items").EnumerateArray().First(i => i.Str("status") == "certified").Str("id");
        var detail = await server.Client.GetJsonAsync($"/api/certifications/{certified}");
        Assert.Equal(3, detail.GetProperty("reviews").GetArrayLength());
        Assert.Contains(detail.GetProperty("timeline").EnumerateArray(), e => e.Str("actor") == "demo:ProvincialFiling");
    }

    [Theory]
    [InlineData(null, null, true)]
    [InlineData("postgresql://db/wuyi", null, false)]
    [InlineData("postgresql://db/wuyi", "true", true)]
    [InlineData(null, "false", false)]
    public void SeedsDemo_OnlyTheEmbeddedDefaultUnlessSaid(string? database, string? demo, bool seeds) =>
        Assert.Equal(seeds, new WuyiSettings { Database = database, Demo = demo is null ? null : bool.Parse(demo) }.SeedsDemo);
}
