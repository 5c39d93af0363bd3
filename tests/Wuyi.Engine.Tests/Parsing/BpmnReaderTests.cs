using Wuyi.Engine.Model;
using Wuyi.Engine.Tests.Support;
using static Wuyi.Engine.Tests.Support.Bpmn;

namespace Wuyi.Engine.Tests.Parsing;

public class BpmnReaderTests
{
    [Fact]
    public void Parse_CertificationModel_ReadsProcessesAndReferences()
    {
        var definitions = EngineHarness.Parse(TestFiles.Read("certification.bpmn"));

        var process = Assert.Single(definitions.ExecutableProcesses);
        Assert.Equal(("certification", "Epidemic-free area certification"), (process.Id, process.Name));
        Assert.Equal("CloseContactReported", definitions.Messages["mCloseContact"]);
        Assert.Equal("ProvinceWideAlert", definitions.Signals["sAlert"]);
        Assert.Equal("SMTP_DOWN", definitions.Errors["eSmtp"]);
        Assert.Equal([new StartTrigger("Applied", StartTriggerKind.None, null)], process.StartTriggers.ToArray());
    }

    [Fact]
    public void Parse_StartTriggers_DescribeEachTopLevelStart()
    {
        var definitions = EngineHarness.Parse(Definitions("""
            <message id="m" name="Submitted"/>
            <signal id="s" name="Alert"/>
            <process id="p" isExecutable="true">
              <startEvent id="byMessage"><messageEventDefinition messageRef="m"/></startEvent>
              <startEvent id="bySignal"><signalEventDefinition signalRef="s"/></startEvent>
              <startEvent id="byTimer"><timerEventDefinition><timeCycle>0 0 9 ? * MON</timeCycle></timerEventDefinition></startEvent>
            </process>
            """));

        Assert.Equal([
            new StartTrigger("byMessage", StartTriggerKind.Message, "Submitted"),
            new StartTrigger("bySignal", StartTriggerKind.Signal, "Alert"),
            new StartTrigger("byTimer", StartTriggerKind.Timer, "0 0 9 ? * MON"),
        ], definitions.Processes["p"].StartTriggers.ToArray());
    }

    [Fact]
    public void Parse_ProcessWithoutIsExecutable_IsExecutable()
    {
        var definitions = EngineHarness.Parse(Definitions("""<process id="p"><startEvent id="s"/></process>"""));

        Assert.True(definitions.Processes["p"].IsExecutable);
    }

    [Fact]
    public void Parse_NonExecutableProcess_IsKeptButNotExecutable()
    {
        var definitions = EngineHarness.Parse(Definitions("""<process id="p" isExecutable="false"><userTask id="u"/></process>"""));

        Assert.Empty(definitions.ExecutableProcesses);
        Assert.False(definitions.Processes["p"].IsExecutable);
    }

    [Fact]
    public void Parse_DiagramAndAnnotations_AreIgnored()
    {
        var xml = Definitions("""
            <collaboration id="c"><participant id="pa" processRef="p"/></collaboration>
            <process id="p" isExecutable="true">
              <documentation>Certification</documentation>
              <laneSet id="ls"><lane id="l1"><flowNodeRef>s</flowNodeRef></lane></laneSet>
              <startEvent id="s"><outgoing>f</outgoing></startEvent>
              <textAnnotation id="ta"><text>note</text></textAnnotation>
              <association id="as" sourceRef="s" targetRef="ta"/>
              <endEvent id="e"/>
              <sequenceFlow id="f" sourceRef="s" targetRef="e"/>
            </process>
            <bpmndi:BPMNDiagram xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" id="di"/>
            """);

        Assert.True(BpmnDefinitions.Parse(xml).Success, string.Join("\n", BpmnDefinitions.Parse(xml).Problems));
    }

    [Fact]
    public void Parse_Dtd_IsRefusedWithoutExpandingEntities()
    {
        var outcome = BpmnDefinitions.Parse("""<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><definitions/>""");

        Assert.Contains("malformed XML", Assert.Single(outcome.Problems).Message);
    }

    [Fact]
    public void Parse_ExecutionListener_IsRefused()
    {
        var outcome = BpmnDefinitions.Parse(Process("""
            <startEvent id="s"><extensionElements><camunda:executionListener event="end" class="x.Y"/></extensionElements></startEvent>
            """));

        Assert.Contains(outcome.Problems, p => p.ElementId == "s" && p.Message.Contains("executionListener"));
    }

    [Fact]
    public void Parse_ExternalTaskWithoutTopic_IsRefused()
    {
        var outcome = BpmnDefinitions.Parse(Process("""<startEvent id="s"/><serviceTask id="t" camunda:type="external"/>""" + Chain("s", "t")));

        Assert.Contains(outcome.Problems, p => p.ElementId == "t" && p.Message.Contains("camunda:topic"));
    }

    [Fact]
    public void Parse_MultiInstanceWithoutCardinalityOrCollection_IsRefused()
    {
        var outcome = BpmnDefinitions.Parse(Process("""
            <startEvent id="s"/><userTask id="u"><multiInstanceLoopCharacteristics/></userTask>
            """ + Chain("s", "u")));

        Assert.Contains(outcome.Problems, p => p.ElementId == "u" && p.Message.Contains("loopCardinality"));
    }

    [Fact]
    public void Parse_StartEventWithTimerInsideEmbeddedSubProcess_IsRefused()
    {
        var outcome = BpmnDefinitions.Parse(Process("""
            <startEvent id="s"/>
            <subProcess id="sub">
              <startEvent id="inner"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></startEvent>
            </subProcess>
            """ + Chain("s", "sub")));

        Assert.Contains(outcome.Problems, p => p.ElementId == "inner" && p.Message.Contains("embedded sub-process"));
    }
}
