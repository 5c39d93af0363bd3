using Wuyi.Engine.Model;
using Wuyi.Engine.State;
using Wuyi.Engine.Tests.Support;
using static Wuyi.Engine.Tests.Support.Bpmn;

namespace Wuyi.Engine.Tests.Execution.Behaviours;

public class ScriptTaskBehaviourTests
{
    [Fact]
    public void Enter_JuelScript_StoresResultVariable()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <scriptTask id="count" scriptFormat="juel" camunda:resultVariable="closeContacts"><script>${closeContacts + 1}</script></scriptTask>
            <userTask id="next"/>
            """ + Chain("start", "count", "next")), EngineHarness.Vars(("closeContacts", 2)));

        Assert.Equal(3L, h.State.Variables["closeContacts"]);
        Assert.Equal(["next"], h.Active);
    }

    [Fact]
    public void Enter_ScriptWithoutDelimiters_IsReadAsOneExpression()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <scriptTask id="s" scriptFormat="expression" camunda:resultVariable="r"><script>1 + 2</script></scriptTask>
            <userTask id="next"/>
            """ + Chain("start", "s", "next")));

        Assert.Equal(3L, h.State.Variables["r"]);
    }

    [Fact]
    public void Enter_ScriptFails_RaisesIncident()
    {
        var h = EngineHarness.Start(Process("""
            <startEvent id="start"/>
            <scriptTask id="s" scriptFormat="juel" camunda:resultVariable="r"><script>${nothing + 1}</script></scriptTask>
            """ + Chain("start", "s")));

        Assert.Equal(InstanceStatus.Failed, h.State.Status);
        Assert.Equal(["s"], h.Active);
    }

    [Fact]
    public void Parse_JavascriptScript_IsRefused()
    {
        var outcome = BpmnDefinitions.Parse(Process("""
            <startEvent id="start"/>
            <scriptTask id="s" scriptFormat="javascript"><script>x = 1</script></scriptTask>
            """ + Chain("start", "s")));

        var problem = Assert.Single(outcome.Problems);
        Assert.Equal("s", problem.ElementId);
        Assert.Contains("javascript", problem.Message);
    }
}
