using System.Net;
using System.Text.Json;
using Wuyi.Server.Tests.Apis;

namespace Wuyi.Server.Tests.Certification;

public sealed class ReviewFormApiTests
{
    private static async Task<(CertificationServer Server, string Id, string TaskId)> AtTownshipReviewAsync()
    {
        var s = await CertificationServer.StartAsync(kind: "sqlite");
        var id = await s.ApplyAsync(CertificationServer.Xiuhua);
        await s.AdvanceAsync("PT1M");
        await s.WaitForStatusAsync(id, "township-review");
        var tasks = (await s.Client.GetJsonAsync($"/api/tasks?businessKey={CertificationServer.Xiuhua}&element=TownshipReview&state=open"))
            .GetProperty("items").EnumerateArray().ToList();
        return (s, id, Assert.Single(tasks).Str("id"));
    }

    [Fact]
    public async Task Complete_DecisionMaybeNoCriteria_400NamingEachFieldNothingChanged()
    {
        var (s, id, taskId) = await AtTownshipReviewAsync();
        await using var _ = s;

        var response = await s.Client.PostAsync($"/api/tasks/{taskId}/complete",
            new { variables = new { decision = "maybe", comments = "?", status = "certified" } }, "reviewer");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, taskId, "township-review", "nothing changed");
        var errors = problem.GetProperty("errors");
        Assert.Contains("approve", errors.GetProperty("decision")[0].GetString());
        Assert.Contains("is required", errors.GetProperty("criteria.publicity")[0].GetString());
        Assert.Contains("not a field", errors.GetProperty("status")[0].GetString());
        Assert.Equal("township-review", await s.StatusAsync(id));
        Assert.Equal("open", (await s.Client.GetJsonAsync($"/api/tasks/{taskId}")).Str("state"));
    }

    [Fact]
    public async Task Form_OpenTownshipReview_SchemaOfTheShippedFormAndFormRef()
    {
        var (s, _, taskId) = await AtTownshipReviewAsync();
        await using var __ = s;

        var form = await s.Client.GetJsonAsync($"/api/tasks/{taskId}/form");

        Assert.Equal("township-review", form.Str("formKey"));
        Assert.Equal("township-review", form.Str("formRef"));
        Assert.Equal("township-review", form.GetProperty("schema").Str("id"));
        Assert.Equal(JsonValueKind.Object, form.GetProperty("values").ValueKind);
        // A valid review still completes as before.
        await s.ReviewAsync(CertificationServer.Xiuhua, "TownshipReview", "approve");
    }

    [Fact]
    public async Task Task_TownshipReview_DueInThreeWorkingDays()
    {
        var (s, _, taskId) = await AtTownshipReviewAsync();
        await using var __ = s;

        // Created on Wednesday 24 August 2022 at 09:00 Beijing time (the 7 days were over at once): three working days
        // later is Monday 29 August.
        var due = (await s.Client.GetJsonAsync($"/api/tasks/{taskId}")).GetProperty("dueAt").GetDateTimeOffset();
        Assert.Equal(DateTimeOffset.Parse("2022-08-29T09:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture), due);
    }

    [Fact]
    public async Task Apply_PhoneNotAPhoneNumber_400NamingTheFieldNothingStarted()
    {
        await using var s = await CertificationServer.StartAsync(kind: "sqlite");

        var response = await s.Client.PostAsync("/api/certifications", new
        {
            areaCode = CertificationServer.Xiuhua, selfAssessment = CertificationServer.AllMet(), contactPerson = new { name = "王芳", phone = "call me" },
        }, user: "applicant");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "application");
        Assert.Contains("pattern", problem.GetProperty("errors").GetProperty("contactPerson.phone")[0].GetString());
        Assert.Equal(0, (await s.Client.GetJsonAsync("/api/certifications")).GetProperty("total").GetInt32());
    }
}
