using Wuyi.Engine.Model;
using static Wuyi.Engine.Tests.Support.Bpmn;

namespace Wuyi.Engine.Tests.Parsing;

/// <summary>What stays refused, each alone and with its reason.</summary>
public class RefusalTests
{
    [Theory]
    [InlineData("""<boundaryEvent id="x" attachedToRef="u"><compensateEventDefinition/></boundaryEvent>""", "compensation")]
    [InlineData("""<boundaryEvent id="x" attachedToRef="u"><cancelEventDefinition/></boundaryEvent>""", "transactions")]
    [InlineData("""<intermediateThrowEvent id="x"><compensateEventDefinition/></intermediateThrowEvent>""", "compensation")]
    [InlineData("""<boundaryEvent id="x" attachedToRef="u"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition><messageEventDefinition messageRef="m"/></boundaryEvent>""", "several event definitions")]
    public void Parse_UnsupportedEventDefinition_IsTheOnlyProblemOfTheEvent(string element, string reason)
    {
        var outcome = BpmnDefinitions.Parse(Process($"""
            <startEvent id="s"/>
            <userTask id="u"/>
            {element}
            """ + Chain("s", "u"), extra: """<message id="m" name="M"/>"""));

        var problem = Assert.Single(outcome.Problems);
        Assert.Equal("x", problem.ElementId);
        Assert.Contains(reason, problem.Message);
        Assert.DoesNotContain("needs an event definition", problem.Message);
    }

    [Fact]
    public void Parse_ConditionalStartOfAProcess_IsRefusedWithWhy()
    {
        var outcome = BpmnDefinitions.Parse(Process("""
            <startEvent id="s"><conditionalEventDefinition><condition>${x}</condition></conditionalEventDefinition></startEvent>
            """));

        Assert.Contains("nothing evaluates a condition outside a running instance", Assert.Single(outcome.Problems).Message);
    }

    [Theory]
    [InlineData("groovy")]
    [InlineData("python")]
    [InlineData("javascript")]
    public void Parse_ScriptFormatWithoutAnEngine_IsRefusedNamingWhatRuns(string format)
    {
        var outcome = BpmnDefinitions.Parse(Process($"""
            <startEvent id="s"/>
            <scriptTask id="x" scriptFormat="{format}"><script>1</script></scriptTask>
            """ + Chain("s", "x")));

        var problem = Assert.Single(outcome.Problems);
        Assert.Equal("x", problem.ElementId);
        Assert.Contains("juel", problem.Message);
    }

    [Fact]
    public void Parse_ConditionalBoundaryAndEventSubProcess_AreAccepted()
    {
        var outcome = BpmnDefinitions.Parse(Process("""
            <startEvent id="s"/>
            <userTask id="u"/>
            <boundaryEvent id="b" attachedToRef="u"><conditionalEventDefinition camunda:variableName="x" camunda:variableEvents="create,update"><condition>${x}</condition></conditionalEventDefinition></boundaryEvent>
            <subProcess id="esp" triggeredByEvent="true">
              <startEvent id="es" isInterrupting="false"><conditionalEventDefinition><condition>${y}</condition></conditionalEventDefinition></startEvent>
              <endEvent id="ee"/>
              <sequenceFlow id="e1" sourceRef="es" targetRef="ee"/>
            </subProcess>
            """ + Chain("s", "u")));

        Assert.True(outcome.Success, string.Join("\n", outcome.Problems));
    }
}
