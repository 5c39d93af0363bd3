using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Wuyi.Testing;

namespace Wuyi.Runtime.Tests.Definitions;

public sealed class DeploymentTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task DeployAsync_SameXmlTwice_OneVersion(string kind)
    {
        await using var runtime = await RuntimeHarness.CreateAsync(kind);

        var first = await runtime.DeployAsync(Models.Review);
        var second = await runtime.DeployAsync(Models.Review);
        var changed = await runtime.DeployAsync(Models.Review.Replace("name=\"Review\"", "name=\"Township review\""));

        Assert.Equal((1, true), (first.Versions.Single().Version, first.Versions.Single().Created));
        Assert.Equal((1, false), (second.Versions.Single().Version, second.Versions.Single().Created));
        Assert.Equal(2, changed.Versions.Single().Version);
    }

    [Fact]
    public async Task DeployAsync_InvalidModel_ProblemsAndNothingDeployed()
    {
        await using var runtime = await RuntimeHarness.CreateAsync("sqlite");

        var outcome = await runtime.DeployAsync(Models.Review.Replace("targetRef=\"End\"", "targetRef=\"Nowhere\""));

        Assert.False(outcome.Success);
        Assert.Contains(outcome.Problems, p => p.ElementId == "f2");
        Assert.Equal(0, await runtime.QueryAsync(db => db.Definitions.CountAsync()));
    }

    [Fact]
    public async Task StartAsync_AfterNewVersion_RunningInstanceStaysOnItsVersion()
    {
        await using var runtime = await RuntimeHarness.CreateAsync("sqlite");
        await runtime.DeployAsync(Models.Review);
        var old = await runtime.StartAsync("review");

        await runtime.DeployAsync(Models.Review.Replace("name=\"Review\"", "name=\"Township review\""));
        var fresh = await runtime.StartAsync("review");

        var versions = await runtime.QueryAsync(db => (from i in db.Instances join d in db.Definitions on i.DefinitionId equals d.Id
                                                       orderby i.CreatedAt select new { i.Id, d.Version }).ToListAsync());
        Assert.Equal(1, versions.Single(v => v.Id == old.InstanceId).Version);
        Assert.Equal(2, versions.Single(v => v.Id == fresh.InstanceId).Version);
    }

    [Fact]
    public async Task DeployAsync_ModelNestedDeeperThanTheLimit_IsRefusedAndNothingDeployed()
    {
        await using var runtime = await RuntimeHarness.CreateAsync("sqlite",
            services => services.Configure<Wuyi.Runtime.Limits.InputLimits>(l => l.MaxModelXmlDepth = 20));
        var nesting = string.Concat(Enumerable.Repeat("<bpmn:documentation>", 1)) + string.Concat(Enumerable.Range(0, 30).Select(i => $"<x id=\"n{i}\">"))
            + string.Concat(Enumerable.Repeat("</x>", 30)) + "</bpmn:documentation>";

        var outcome = await runtime.DeployAsync(Models.Review.Replace("</bpmn:process>", nesting + "</bpmn:process>"));

        Assert.Contains("deeper than 20", Assert.Single(outcome.Problems).Message);
        Assert.Equal(0, await runtime.QueryAsync(db => db.Definitions.CountAsync()));
    }

    [Fact]
    public async Task DeployAsync_CycleShorterThanTheConfiguredMinimum_IsRefusedWithElementAndLine()
    {
        await using var runtime = await RuntimeHarness.CreateAsync("sqlite",
            services => services.Configure<Wuyi.Runtime.Limits.InputLimits>(l => l.MinTimerCycleInterval = TimeSpan.FromHours(1)));

        var outcome = await runtime.DeployAsync(Models.Review.Replace("</bpmn:process>", """
              <bpmn:startEvent id="Tick"><bpmn:timerEventDefinition><bpmn:timeCycle>R/PT30M</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>
            </bpmn:process>
            """));

        var problem = Assert.Single(outcome.Problems);
        Assert.Equal("Tick", problem.ElementId);
        Assert.NotNull(problem.Line);
        Assert.Contains("minimum of 60 min", problem.Message);
    }
}
