using Wuyi.Engine.Model;
using static Wuyi.Engine.Tests.Support.Bpmn;

namespace Wuyi.Engine.Tests.Validation;

public class ModelValidatorTests
{
    private static ModelProblem Single(string xml, string elementId)
    {
        var outcome = BpmnDefinitions.Parse(xml);
        Assert.False(outcome.Success);
        return Assert.Single(outcome.Problems, p => p.ElementId == elementId);
    }

    [Fact]
    public void Parse_MalformedXml_ReportsLine()
    {
        var outcome = BpmnDefinitions.Parse(Header + "\n<process id=\"p\">\n<startEvent id=\"s\">\n</process></definitions>");

        var problem = Assert.Single(outcome.Problems);
        Assert.Contains("malformed XML", problem.Message);
        Assert.Equal(8, problem.Line);
    }

    [Fact]
    public void Parse_NotBpmn_IsRefused()
    {
        var outcome = BpmnDefinitions.Parse("<html/>");

        Assert.Contains("not BPMN", Assert.Single(outcome.Problems).Message);
    }

    [Fact]
    public void Parse_GatewayWithoutOutgoingFlow_Reported()
    {
        var problem = Single(Process("""
            <startEvent id="s"/>
            <exclusiveGateway id="gw"/>
            """ + Chain("s", "gw")), "gw");

        Assert.Contains("no outgoing", problem.Message);
        Assert.NotNull(problem.Line);
    }

    [Fact]
    public void Parse_ConditionOnDefaultFlow_Reported()
    {
        var problem = Single(Process("""
            <startEvent id="s"/>
            <exclusiveGateway id="gw" default="fd"/>
            <endEvent id="e"/>
            """ + Chain("s", "gw") + Flow("fd", "gw", "e", "${x}")), "fd");

        Assert.Contains("default flow", problem.Message);
    }

    [Fact]
    public void Parse_UnknownReferences_Reported()
    {
        var outcome = BpmnDefinitions.Parse(Process("""
            <startEvent id="s"/>
            <intermediateCatchEvent id="c"><messageEventDefinition messageRef="nope"/></intermediateCatchEvent>
            <boundaryEvent id="b" attachedToRef="ghost"><signalEventDefinition signalRef="s1"/></boundaryEvent>
            """ + Chain("s", "c") + Flow("bad", "c", "missing")));

        Assert.Contains(outcome.Problems, p => p.ElementId == "c" && p.Message.Contains("unknown message 'nope'"));
        Assert.Contains(outcome.Problems, p => p.ElementId == "b" && p.Message.Contains("signal"));
        Assert.Contains(outcome.Problems, p => p.ElementId == "b" && p.Message.Contains("ghost"));
        Assert.Contains(outcome.Problems, p => p.ElementId == "bad" && p.Message.Contains("missing"));
    }

    [Theory]
    [InlineData("<timeDuration>7 days</timeDuration>")]
    [InlineData("<timeDate>tomorrow</timeDate>")]
    [InlineData("<timeCycle>R3/never</timeCycle>")]
    [InlineData("<timeCycle>0 0 25 * * ?</timeCycle>")]
    [InlineData("<timeCycle>0 0 9 * * MON</timeCycle>")]
    public void Parse_UnparsableTimer_Reported(string timer)
    {
        var problem = Single(Process($"""
            <startEvent id="s"/>
            <intermediateCatchEvent id="t"><timerEventDefinition>{timer}</timerEventDefinition></intermediateCatchEvent>
            """ + Chain("s", "t")), "t");

        Assert.Contains("timer", problem.Message);
    }

    [Fact]
    public void Parse_UnparsableExpression_Reported()
    {
        var problem = Single(Process("""
            <startEvent id="s"/>
            <exclusiveGateway id="gw"/>
            <endEvent id="e"/>
            """ + Chain("s", "gw") + Flow("f", "gw", "e", "${a +}")), "f");

        Assert.Contains("unparsable condition", problem.Message);
    }

    [Theory]
    [InlineData("""<complexGateway id="x"/>""")]
    [InlineData("""<transaction id="x"/>""")]
    [InlineData("""<adHocSubProcess id="x"/>""")]
    [InlineData("""<intermediateThrowEvent id="x"><compensateEventDefinition/></intermediateThrowEvent>""")]
    [InlineData("""<intermediateCatchEvent id="x"><conditionalEventDefinition/></intermediateCatchEvent>""")]
    [InlineData("""<userTask id="x"><standardLoopCharacteristics/></userTask>""")]
    [InlineData("""<userTask id="x"><extensionElements><camunda:taskListener event="create" class="a.B"/></extensionElements></userTask>""")]
    [InlineData("""<serviceTask id="x" isForCompensation="true"/>""")]
    public void Parse_UnsupportedElement_RefusedWithItsId(string element)
    {
        var outcome = BpmnDefinitions.Parse(Process("<startEvent id=\"s\"/>\n" + element));

        Assert.Contains(outcome.Problems, p => p.ElementId == "x" && p.Line is not null);
    }

    [Fact]
    public void Parse_SeveralProblems_AllReportedAtOnceInLineOrder()
    {
        var outcome = BpmnDefinitions.Parse(Process("""
            <startEvent id="s"/>
            <exclusiveGateway id="gw1"/>
            <complexGateway id="cx"/>
            <intermediateCatchEvent id="t"><timerEventDefinition><timeDuration>soon</timeDuration></timerEventDefinition></intermediateCatchEvent>
            <boundaryEvent id="b" attachedToRef="gw1"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></boundaryEvent>
            """ + Chain("s", "gw1")));

        Assert.Equal(outcome.Problems.OrderBy(p => p.Line).Select(p => p.Line), outcome.Problems.Select(p => p.Line));
        Assert.True(outcome.Problems.Length >= 4);
        Assert.All(outcome.Problems, p => Assert.NotNull(p.Line));
        Assert.Contains(outcome.Problems, p => p.ElementId == "cx");
        Assert.Contains(outcome.Problems, p => p.ElementId == "t");
        Assert.Contains(outcome.Problems, p => p.ElementId == "gw1");
        Assert.Contains(outcome.Problems, p => p.ElementId == "b" && p.Message.Contains("not an activity"));
    }

    [Fact]
    public void Parse_DuplicateIds_Reported()
    {
        var outcome = BpmnDefinitions.Parse(Process("""
            <startEvent id="s"/>
            <userTask id="s"/>
            """));

        Assert.Contains(outcome.Problems, p => p.ElementId == "s" && p.Message.Contains("more than once"));
    }

    [Fact]
    public void Parse_EventGatewayToTask_Reported()
    {
        var problem = Single(Process("""
            <startEvent id="s"/>
            <eventBasedGateway id="gw"/>
            <userTask id="u"/>
            """ + Chain("s", "gw", "u")), "gw");

        Assert.Contains("event-based gateway", problem.Message);
    }

    [Fact]
    public void Parse_ErrorBoundaryNonInterrupting_Reported()
    {
        var problem = Single(Process("""
            <startEvent id="s"/>
            <serviceTask id="t"/>
            <boundaryEvent id="b" attachedToRef="t" cancelActivity="false"><errorEventDefinition/></boundaryEvent>
            """ + Chain("s", "t")), "b");

        Assert.Contains("always interrupting", problem.Message);
    }

    [Fact]
    public void Parse_ExecutableProcessWithoutStart_Reported()
    {
        var outcome = BpmnDefinitions.Parse(Process("<userTask id=\"u\"/>"));

        Assert.Contains(outcome.Problems, p => p.ElementId == "p" && p.Message.Contains("no start event"));
    }

    [Fact]
    public void Parse_LinkThrowWithoutCatch_Reported()
    {
        var problem = Single(Process("""
            <startEvent id="s"/>
            <intermediateThrowEvent id="l"><linkEventDefinition name="nowhere"/></intermediateThrowEvent>
            """ + Chain("s", "l")), "l");

        Assert.Contains("nowhere", problem.Message);
    }
}
