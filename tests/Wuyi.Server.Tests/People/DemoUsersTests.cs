using System.Net.Http.Headers;
using System.Net.Http.Json;
using Wuyi.Server.Hosting;
using Wuyi.Server.Tests.Apis;
using Wuyi.Testing;

namespace Wuyi.Server.Tests.People;

/// <summary>The demo users: one per role for 秀英区, each seeing their part of the demo certifications.</summary>
public sealed class DemoUsersTests
{
    [Fact]
    public async Task SeedDemo_DemoUsers_SignInAndFindTheirTasks()
    {
        using var database = TestDatabase.Create("sqlite");
        await using var server = await WuyiServer.StartAsync(database.Setting);
        await DatabaseStartup.SeedDemoAsync(server.Services, CancellationToken.None);
        using var anonymous = server.AnonymousClient();

        var mine = new Dictionary<string, string[]>();
        foreach (var user in (string[])["township", "county", "province", "applicant", "admin"])
        {
            var token = await PeopleServer.OkAsync(await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = user, password = DemoUsers.Password }));
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/tasks/mine");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Str("accessToken"));
            var tasks = await PeopleServer.OkAsync(await anonymous.SendAsync(request));
            mine[user] = [.. tasks.GetProperty("items").EnumerateArray().Select(t => t.Str("elementId"))];
        }

        Assert.Equal(["TownshipReview"], mine["township"]);
        Assert.Equal(["CountyAssessment"], mine["county"]);
        Assert.Empty(mine["province"]);
        Assert.Equal(["ReviseApplication"], mine["applicant"]);
        Assert.Empty(mine["admin"]); // an administrator may act on every task, but none is offered to them
    }
}
