using System.Net;
using Wuyi.Server.Tests.Apis;

namespace Wuyi.Server.Tests.Certification;

public sealed class AreasApiTests
{
    [Fact]
    public async Task RegisterCompound_CertifiedAndReachedByItsCommunitysSignal()
    {
        await using var s = await CertificationServer.StartAsync();
        var created = await s.Client.PostAsync("/api/areas", new { communityCode = CertificationServer.Xiuhua, name = "海景花园" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var compound = await created.JsonAsync();
        Assert.Equal("460105001001001", compound.Str("code"));
        Assert.Equal("compound", compound.Str("type"));
        await (await s.Client.PostAsync("/api/areas", new { communityCode = CertificationServer.Xiuhua, name = "海景花园" }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "海景花园");
        await (await s.Client.PostAsync("/api/areas", new { communityCode = "460105001", name = "x" }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "460105001");

        var id = await s.CertifyAsync("460105001001001");
        var entry = Assert.Single(await s.RegistryAsync(CertificationServer.Xiuhua));
        Assert.Equal("海景花园", entry.Str("areaName"));
        var answer = await s.SignalsAsync(s.Signal("cc-community", "close-contact", regionCode: CertificationServer.Xiuhua));
        Assert.Equal([CertificationServer.Xiuhua, "460105001001001"], answer.GetProperty("signals")[0].Strings("areas"));
        Assert.Equal("suspended", await s.StatusAsync(id));
        var area = await s.Client.GetJsonAsync("/api/areas/460105001001001");
        Assert.Equal(["cc-community"], area.Strings("openCloseContacts"));
        await (await s.Client.GetAsync("/api/areas/460105001001999")).AssertProblemAsync(HttpStatusCode.NotFound, "460105001001999");
    }
}
