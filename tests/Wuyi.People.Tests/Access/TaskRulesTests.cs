using Wuyi.People.Access;

namespace Wuyi.People.Tests.Access;

public sealed class TaskRulesTests
{
    private static Caller Person(params string[] grants) =>
        new("someone", null, [.. grants.Select(g => g.Split(':')).Select(p => new Grant(p[0], p[1]))]);

    [Theory]
    [InlineData("county-assessor:460105", "county-assessor:460105", "460105001001", TaskAccess.Member)]
    [InlineData("inspector:46", "inspector:46", "460105001001", TaskAccess.Member)]
    [InlineData("inspector:46", "inspector:460105", "460105001001", TaskAccess.Member)]
    [InlineData("inspector:460105", "inspector:46", "460105001001", TaskAccess.None)]
    [InlineData("township-reviewer:460105002", "township-reviewer:460105001", "460105001001", TaskAccess.None)]
    [InlineData("county-assessor:460105", "township-reviewer:460105001", "460105001001", TaskAccess.None)]
    [InlineData("administrator:4601", "township-reviewer:460105001", "460105001001", TaskAccess.Administrator)]
    [InlineData("administrator:4602", "township-reviewer:460105001", "460105001001", TaskAccess.None)]
    public void AccessOf_GroupAndRegion_MatchesByRoleAndContainment(string grant, string group, string region, TaskAccess expected) =>
        Assert.Equal(expected, TaskRules.AccessOf(Person(grant), null, [], [group], region));

    [Fact]
    public void AccessOf_ApplicantOfTheArea_NeverOnItsReview()
    {
        var applicantAndReviewer = Person("applicant:460105001001", "township-reviewer:460105001");

        Assert.Equal(TaskAccess.None, TaskRules.AccessOf(applicantAndReviewer, null, [], ["township-reviewer:460105001"], "460105001001"));
        Assert.Equal(TaskAccess.Member, TaskRules.AccessOf(applicantAndReviewer, null, [], ["applicant:460105001001"], "460105001001"));
        Assert.Equal(TaskAccess.Member, TaskRules.AccessOf(applicantAndReviewer, null, [], ["township-reviewer:460105001"], "460105001002"));
    }

    [Fact]
    public void AccessOf_ApiKey_NeverActsOnATask()
    {
        var key = new Caller("cdc", "cdc", [new Grant("health-operator", "46")]);

        Assert.Equal(TaskAccess.None, TaskRules.AccessOf(key, null, [], ["health-operator:46"], "460105001001"));
    }

    [Fact]
    public void Regions_NestedGrants_OnlyTheWidest()
    {
        var caller = Person("county-assessor:460105", "township-reviewer:460105001", "inspector:460106");

        Assert.Equal(["460105", "460106"], caller.Regions);
        Assert.True(caller.Sees("460105001001"));
        Assert.False(caller.Sees("460107"));
        Assert.False(caller.Sees(null));
    }

    [Theory]
    [InlineData("county-assessor:460105", null)]
    [InlineData("county-assessor", "is not ROLE:REGION")]
    [InlineData("mayor:46", "is not one of")]
    [InlineData("inspector:4x", "is not a region code")]
    public void TryParse_Text_GrantOrReason(string text, string? error)
    {
        var parsed = Grant.TryParse(text, Roles.All, out var grant, out var why);

        Assert.Equal(error is null, parsed);
        if (error is null)
            Assert.Equal(text, grant!.ToString());
        else
            Assert.Contains(error, why);
    }
}
