using System.Net;
using System.Text.Json;
using Wuyi.Server.Tests.Apis;
using Wuyi.Testing;

namespace Wuyi.Server.Tests.Certification;

public sealed class RegionsApiTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Children_DownTheTree_DirectChildrenWithCountsByStatus(string kind)
    {
        await using var s = await CertificationServer.StartAsync(kind: kind);
        await s.CertifyAsync(CertificationServer.Xiuhua);
        await s.ApplyAsync(CertificationServer.Haigang);
        var compound = await s.Client.PostAsync("/api/areas", new { communityCode = CertificationServer.Xiuhua, name = "海景花园" });
        Assert.Equal(HttpStatusCode.Created, compound.StatusCode);

        var roots = Items(await s.Client.GetJsonAsync("/api/regions"));
        var province = Assert.Single(roots);
        Assert.Equal(("46", "海南省", "province", true), (province.Str("code"), province.Str("name"), province.Str("level"), province.GetProperty("hasChildren").GetBoolean()));
        Assert.Equal((3297, 1, 1, 0, 0, 3295), Counts(province));

        var cities = Items(await s.Client.GetJsonAsync("/api/regions?parent=46"));
        Assert.Equal(["4601", "4602", "4603", "4604", "4690"], cities.Select(c => c.Str("code")));
        Assert.Equal((1, 1), (Counts(cities[0]).Certified, Counts(cities[0]).Applied));
        Assert.Equal((0, 0), (Counts(cities[1]).Certified, Counts(cities[1]).Applied));

        var townships = Items(await s.Client.GetJsonAsync("/api/regions?parent=460105"));
        Assert.All(townships, t => Assert.Equal("township", t.Str("level")));
        var xiuying = townships.Single(t => t.Str("code") == CertificationServer.Xiuying);
        Assert.Equal((1, 0), (Counts(xiuying).Certified, Counts(xiuying).Applied));
        Assert.Equal((0, 1), (Counts(townships.Single(t => t.Str("code") == "460105002")).Certified, Counts(townships.Single(t => t.Str("code") == "460105002")).Applied));

        var communities = Items(await s.Client.GetJsonAsync($"/api/regions?parent={CertificationServer.Xiuying}"));
        var xiuhua = communities.Single(c => c.Str("code") == CertificationServer.Xiuhua);
        Assert.Equal(("community", true), (xiuhua.Str("level"), xiuhua.GetProperty("hasChildren").GetBoolean()));
        Assert.Equal((2, 1, 0, 0, 0, 1), Counts(xiuhua));
        Assert.All(communities.Where(c => c.Str("code") != CertificationServer.Xiuhua), c => Assert.False(c.GetProperty("hasChildren").GetBoolean()));

        var compounds = Items(await s.Client.GetJsonAsync($"/api/regions?parent={CertificationServer.Xiuhua}"));
        var only = Assert.Single(compounds);
        Assert.Equal((CertificationServer.Xiuhua + "001", "compound", false), (only.Str("code"), only.Str("level"), only.GetProperty("hasChildren").GetBoolean()));
        Assert.Equal((1, 0, 0, 0, 0, 1), Counts(only));
        Assert.Empty(Items(await s.Client.GetJsonAsync($"/api/regions?parent={CertificationServer.Xiuhua}001")));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Children_SuspendedAndDelisted_CountedApart(string kind)
    {
        await using var s = await CertificationServer.StartAsync(kind: kind);
        await s.CertifyAsync(CertificationServer.Xiuhua);
        await s.CertifyAsync(CertificationServer.Xiuhai);
        await s.SignalsAsync(s.Signal("cc-1", "close-contact", areaCode: CertificationServer.Xiuhua),
            s.Signal("case-1", "confirmed-case", areaCode: CertificationServer.Xiuhai));

        var xiuying = Items(await s.Client.GetJsonAsync("/api/regions?parent=460105")).Single(t => t.Str("code") == CertificationServer.Xiuying);

        var counts = Counts(xiuying);
        Assert.Equal((0, 0, 1, 1), (counts.Certified, counts.Applied, counts.Suspended, counts.Cancelled));
        Assert.Equal(counts.Areas - 1, counts.None);
    }

    [Fact]
    public async Task Children_OfficialOfAnotherCounty_NotFoundAndOnlyTheirOwnRoot()
    {
        await using var s = await CertificationServer.StartAsync();
        using var longhua = s.Server.ClientFor("assessor-longhua", "county-assessor:460106");

        Assert.Equal(["460106"], Items(await longhua.GetJsonAsync("/api/regions")).Select(r => r.Str("code")));
        await (await longhua.GetAsync("/api/regions?parent=460105")).AssertProblemAsync(HttpStatusCode.NotFound, "460105");
        await (await longhua.GetAsync("/api/regions?parent=46")).AssertProblemAsync(HttpStatusCode.NotFound, "46");
        await (await longhua.GetAsync($"/api/regions?parent={CertificationServer.Xiuhua}")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.NotEmpty(Items(await longhua.GetJsonAsync("/api/regions?parent=460106")));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("4")]
    [InlineData("4601050010010011")]
    public async Task Children_ParentNotACode_BadRequestNamingParent(string parent)
    {
        await using var s = await CertificationServer.StartAsync(kind: "sqlite");
        await (await s.Client.GetAsync($"/api/regions?parent={parent}")).AssertProblemAsync(HttpStatusCode.BadRequest, "parent");
    }

    [Fact]
    public async Task Children_UnknownParent_NotFound()
    {
        await using var s = await CertificationServer.StartAsync(kind: "sqlite");
        await (await s.Client.GetAsync("/api/regions?parent=469999")).AssertProblemAsync(HttpStatusCode.NotFound, "469999");
    }

    private static List<JsonElement> Items(JsonElement page) => [.. page.GetProperty("items").EnumerateArray()];

    private static (int Areas, int Certified, int Applied, int Suspended, int Cancelled, int None) Counts(JsonElement node)
    {
        var c = node.GetProperty("counts");
        int N(string name) => c.GetProperty(name).GetInt32();
        return (N("areas"), N("certified"), N("applied"), N("suspended"), N("cancelled"), N("none"));
    }
}
