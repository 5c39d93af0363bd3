using System.Text;
using Wuyi.Engine.Model;
using static Wuyi.Engine.Tests.Support.Bpmn;

namespace Wuyi.Engine.Tests.Parsing;

public class ModelLimitsTests
{
    private static string Nested(int depth)
    {
        var xml = new StringBuilder(Header).Append("<process id=\"p\"><startEvent id=\"s\"/>");
        xml.Append("<documentation>");
        for (var i = 0; i < depth; i++) xml.Append("<x id=\"n").Append(i).Append("\">");
        for (var i = 0; i < depth; i++) xml.Append("</x>");
        return xml.Append("</documentation></process></definitions>").ToString();
    }

    [Fact]
    public void Parse_ModelNestedHundredThousandLevels_IsRefusedBeforeReadingTheTree()
    {
        var outcome = BpmnDefinitions.Parse(Nested(100_000));

        var problem = Assert.Single(outcome.Problems);
        Assert.Contains("deeper than 64", problem.Message);
        Assert.NotNull(problem.Line);
        Assert.StartsWith("n", problem.ElementId);
    }

    [Fact]
    public void Parse_NestingWithinTheConfiguredLimit_IsAccepted()
    {
        var xml = Nested(100);

        Assert.False(BpmnDefinitions.Parse(xml).Success);
        Assert.True(BpmnDefinitions.Parse(xml, new ModelOptions { Limits = new ModelLimits { MaxXmlDepth = 200 } }).Success);
    }

    [Theory]
    [InlineData("R/PT0.001S")]
    [InlineData("R5/PT30S")]
    [InlineData("R/2022-08-24T10:00:00+08:00/PT1S")]
    [InlineData("0/1 * * * * ?")]
    public void Parse_CycleShorterThanTheMinimum_IsRefusedWithElementAndLine(string cycle)
    {
        var outcome = BpmnDefinitions.Parse(Process($"""
            <startEvent id="s"/>
            <userTask id="u"/>
            <boundaryEvent id="tick" attachedToRef="u" cancelActivity="false">
              <timerEventDefinition><timeCycle>{cycle}</timeCycle></timerEventDefinition>
            </boundaryEvent>
            """ + Chain("s", "u")));

        var problem = Assert.Single(outcome.Problems);
        Assert.Equal("tick", problem.ElementId);
        Assert.NotNull(problem.Line);
        Assert.Contains("minimum of 1 min", problem.Message);
    }

    [Theory]
    [InlineData("R/PT1M")]
    [InlineData("R3/PT1H")]
    [InlineData("0 0/5 * * * ?")]
    public void Parse_CycleOfAtLeastTheMinimum_IsAccepted(string cycle)
    {
        var outcome = BpmnDefinitions.Parse(Process($"""
            <startEvent id="s"><timerEventDefinition><timeCycle>{cycle}</timeCycle></timerEventDefinition></startEvent>
            <userTask id="u"/>
            """ + Chain("s", "u")));

        Assert.True(outcome.Success, string.Join("\n", outcome.Problems));
    }

    [Fact]
    public void Parse_ShortCycleUnderALowerConfiguredMinimum_IsAccepted()
    {
        var xml = Process("""
            <startEvent id="s"><timerEventDefinition><timeCycle>R/PT10S</timeCycle></timerEventDefinition></startEvent>
            <userTask id="u"/>
            """ + Chain("s", "u"));

        var outcome = BpmnDefinitions.Parse(xml, new ModelOptions { Limits = new ModelLimits { MinCycleInterval = TimeSpan.FromSeconds(5) } });

        Assert.True(outcome.Success, string.Join("\n", outcome.Problems));
    }
}
