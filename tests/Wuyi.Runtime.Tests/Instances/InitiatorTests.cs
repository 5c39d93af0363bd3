using Microsoft.Extensions.DependencyInjection;
using Wuyi.Runtime.Instances;

namespace Wuyi.Runtime.Tests.Instances;

public sealed class InitiatorTests
{
    [Fact]
    public async Task StartAsync_WithInitiator_StoresItWhereTheStartEventsInitiatorSays()
    {
        await using var runtime = await RuntimeHarness.CreateAsync("sqlite");
        await runtime.DeployAsync(Models.Review.Replace("<bpmn:startEvent id=\"Start\" />", "<bpmn:startEvent id=\"Start\" camunda:initiator=\"applicant\" />"));

        var started = await runtime.RequestAsync(s => s.GetRequiredService<InstanceTransitions>().StartAsync(
            new StartInstanceRequest("review", "460105001001", new Dictionary<string, object?> { ["townshipCode"] = "460105001" }, "tester")
            {
                Initiator = "township",
            }, CancellationToken.None));

        Assert.Equal("township", (await runtime.StateAsync(started.InstanceId)).Variables["applicant"]);
    }
}
