using Wuyi.Engine.State;
using Wuyi.Engine.Stimuli;
using static Wuyi.Engine.Tests.Support.Bpmn;

namespace Wuyi.Engine.Tests.Support;

/// <summary>
/// Live instance states that between them use every part of the stored format: scopes of each kind, tokens
/// with locals and joining tokens, waits of each kind and role (cycles, correlation keys that are and are
/// not the business key, a missing business key), a parent link, incidents, an ended instance.
/// </summary>
internal static class StateCases
{
    // A message catch keyed by a variable, beside a boundary keyed by the business key (the default).
    private static readonly string Keys = Process("""
        <startEvent id="s"/>
        <userTask id="work"/>
        <boundaryEvent id="Withdrawn" attachedToRef="work"><messageEventDefinition messageRef="mW"/></boundaryEvent>
        <intermediateCatchEvent id="CaseClosed">
          <extensionElements><camunda:properties><camunda:property name="correlationKey" value="${caseId}"/></camunda:properties></extensionElements>
          <messageEventDefinition messageRef="mC"/>
        </intermediateCatchEvent>
        <parallelGateway id="fork"/><endEvent id="e1"/><endEvent id="e2"/><endEvent id="e3"/>
        """ + Flow("f1", "s", "fork") + Flow("f2", "fork", "work") + Flow("f3", "fork", "CaseClosed") + Flow("f4", "work", "e1")
        + Flow("f5", "CaseClosed", "e2") + Flow("f6", "Withdrawn", "e3"),
        extra: """<message id="mW" name="ApplicationWithdrawn"/><message id="mC" name="CaseClosed"/>""");

    public static readonly IReadOnlyDictionary<string, Func<InstanceState>> All = new SortedDictionary<string, Func<InstanceState>>(StringComparer.Ordinal)
    {
        ["certified"] = () => Certified().State,
        ["alert-suspended"] = () =>
        {
            var h = Certified();
            h.Signal("ProvinceWideAlert");
            return h.State;
        },
        ["timers-started"] = () => EngineHarness.Start(TestFiles.Read("timers.bpmn"), processId: "timers").State,
        ["timers-reminded"] = () =>
        {
            var h = EngineHarness.Start(TestFiles.Read("timers.bpmn"), processId: "timers");
            h.FireTimer("Daily");
            return h.State;
        },
        ["call-parent"] = () => EngineHarness.Start(TestFiles.Read("call-activity.bpmn"), EngineHarness.Vars(("areaCode", "350782101201")),
            processId: "parent").State,
        ["call-child"] = () => EngineHarness.Start(TestFiles.Read("spot-check.bpmn"), EngineHarness.Vars(("areaCode", "350782101201")),
            businessKey: "350782101201", processId: "spot-check", parent: new ParentLink("i0", "i0/w1")).State,
        ["board-voting"] = () => EngineHarness.Start(TestFiles.Read("review-board.bpmn"),
            EngineHarness.Vars(("members", new[] { "li", "wang", "zhao" }), ("countyCode", "350782"), ("channels", "sms")),
            processId: "review-board").State,
        ["joining"] = () => EngineHarness.Start(Process("""
            <startEvent id="s"/><parallelGateway id="fork"/><userTask id="a"/><parallelGateway id="join"/><endEvent id="e"/>
            """ + Flow("f1", "s", "fork") + Flow("toA", "fork", "a") + Flow("toJoin", "fork", "join") + Flow("fromA", "a", "join")
            + Flow("f2", "join", "e"))).State,
        ["incident"] = () =>
        {
            var h = EngineHarness.Start(Process("""
                <startEvent id="s"/><serviceTask id="send" camunda:type="external" camunda:topic="send"/><endEvent id="e"/>
                """ + Chain("s", "send", "e")));
            h.FailService("send", "SMTP_DOWN");
            return h.State;
        },
        ["keys"] = () => EngineHarness.Start(Keys, EngineHarness.Vars(("caseId", "C-17")), businessKey: "350782101201").State,
        ["no-business-key"] = () => EngineHarness.Start(Keys, EngineHarness.Vars(("caseId", "C-17")), businessKey: null).State,
        ["event-gateway"] = () => EngineHarness.Start(Process("""
            <startEvent id="s"/><eventBasedGateway id="g"/>
            <intermediateCatchEvent id="Answered"><messageEventDefinition messageRef="m"/></intermediateCatchEvent>
            <intermediateCatchEvent id="Late"><timerEventDefinition><timeDuration>P7D</timeDuration></timerEventDefinition></intermediateCatchEvent>
            <endEvent id="e1"/><endEvent id="e2"/>
            """ + Flow("f1", "s", "g") + Flow("f2", "g", "Answered") + Flow("f3", "g", "Late") + Flow("f4", "Answered", "e1")
            + Flow("f5", "Late", "e2"), extra: """<message id="m" name="Answered"/>""")).State,
        ["reviewing-with-inputs"] = () => EngineHarness.Start(Process("""
            <startEvent id="s"/>
            <userTask id="review">
              <extensionElements><camunda:inputOutput>
                <camunda:inputParameter name="decision">${null}</camunda:inputParameter>
                <camunda:inputParameter name="limit">${3}</camunda:inputParameter>
                <camunda:inputParameter name="ratio">${0.5}</camunda:inputParameter>
                <camunda:inputParameter name="area"><camunda:map><camunda:entry key="name">桐木村</camunda:entry></camunda:map></camunda:inputParameter>
              </camunda:inputOutput></extensionElements>
            </userTask>
            """ + Chain("s", "review"))).State,
        ["cycles"] = () => EngineHarness.Start(Process("""
            <startEvent id="s"/>
            <userTask id="manage"/>
            <boundaryEvent id="Weekly" attachedToRef="manage" cancelActivity="false">
              <timerEventDefinition><timeCycle>0 0 9 ? * MON</timeCycle></timerEventDefinition>
            </boundaryEvent>
            <subProcess id="SpotChecks" triggeredByEvent="true">
              <startEvent id="SpotCheckDue" isInterrupting="false">
                <timerEventDefinition><timeCycle>R/2022-09-01T09:00:00+08:00/P90D</timeCycle></timerEventDefinition>
              </startEvent>
              <endEvent id="checked"/>
              <sequenceFlow id="c1" sourceRef="SpotCheckDue" targetRef="checked"/>
            </subProcess>
            <endEvent id="e"/><endEvent id="e2"/>
            """ + Chain("s", "manage", "e") + Flow("w1", "Weekly", "e2"))).State,
        ["completed"] = () =>
        {
            var h = Certified();
            h.Message("Certified");
            return h.State;
        },
    };

    /// <summary>The test certification model, published and certified: three waits, one a process-level message.</summary>
    public static EngineHarness Certified()
    {
        var h = EngineHarness.Start(TestFiles.Read("certification.bpmn"),
            EngineHarness.Vars(("areaCode", "460105001001"), ("closeContacts", 0), ("applicant", "秀华社区居委会")),
            businessKey: "460105001001", processId: "certification");
        h.Complete("TownshipReview", EngineHarness.Vars(("approved", true)));
        h.FireTimer("Observation");
        h.CompleteService("PublishResult", EngineHarness.Vars(("published", true), ("publishedAt", "2022-08-31T09:00:00+08:00")));
        return h;
    }
}
