using Wuyi.Testing;

namespace Wuyi.Server.Tests.CommandLine;

public sealed class DeployCommandTests
{
    private const string Model = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
          <bpmn:process id="review" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Review" />
            <bpmn:userTask id="Review" />
            <bpmn:sequenceFlow id="f2" sourceRef="Review" targetRef="End" />
            <bpmn:endEvent id="End" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Deploy_SameFileTwice_OneVersion(string kind)
    {
        using var database = TestDatabase.Create(kind);
        using var folder = new TemporaryDirectory();
        await File.WriteAllTextAsync(folder.File("review.bpmn"), Model);

        var first = await WuyiRun.RunAsync("deploy", folder.File("review.bpmn"), "--db", database.Setting);
        var second = await WuyiRun.RunAsync("deploy", folder.File("review.bpmn"), "--db", database.Setting);

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Equal("review.bpmn: review version 1", first.Output.Trim());
        Assert.Equal("review.bpmn: review version 1 (unchanged)", second.Output.Trim());
    }

    [Fact]
    public async Task Deploy_InvalidModel_Exit2ListingEveryProblem()
    {
        using var database = TestDatabase.Create("sqlite");
        using var folder = new TemporaryDirectory();
        await File.WriteAllTextAsync(folder.File("bad.bpmn"), Model.Replace("targetRef=\"End\"", "targetRef=\"Nowhere\"").Replace("targetRef=\"Review\"", "targetRef=\"Gone\""));

        var run = await WuyiRun.RunAsync("deploy", folder.File("bad.bpmn"), "--db", database.Setting);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("f1:", run.Error);
        Assert.Contains("f2:", run.Error);
    }
}
