using System.Text;
using Snapshooter.Xunit;
using Wuyi.Engine.Execution;
using Wuyi.Engine.State;
using Wuyi.Engine.Stimuli;
using Wuyi.Engine.Tests.Support;

namespace Wuyi.Engine.Tests.State;

public class InstanceStateJsonTests
{
    private static EngineHarness CertifiedInstance()
    {
        var h = EngineHarness.Start(TestFiles.Read("certification.bpmn"),
            EngineHarness.Vars(("areaCode", "460105001001"), ("closeContacts", 0), ("applicant", "秀华社区居委会")),
            businessKey: "460105001001", processId: "certification");
        h.Complete("TownshipReview", EngineHarness.Vars(("approved", true)));
        h.FireTimer("Observation");
        h.CompleteService("PublishResult", EngineHarness.Vars(("published", true), ("publishedAt", "2022-08-31T09:00:00+08:00")));
        return h;
    }

    [Fact]
    public void Serialize_WaitingCertification_IsVersionedCompactAndSmall()
    {
        var json = InstanceStateJson.Serialize(CertifiedInstance().State);

        Assert.StartsWith("{\"v\":2,", json);
        Assert.True(Encoding.UTF8.GetByteCount(json) < 2048, $"{Encoding.UTF8.GetByteCount(json)} bytes: {json}");
    }

    [Fact]
    public void Serialize_WaitingCertification_MatchesSnapshot() =>
        Snapshot.Match(InstanceStateJson.Serialize(CertifiedInstance().State));

    [Fact]
    public void Deserialize_ThenSerialize_IsByteIdentical()
    {
        var json = InstanceStateJson.Serialize(CertifiedInstance().State);

        Assert.Equal(json, InstanceStateJson.Serialize(InstanceStateJson.Deserialize(json)));
    }

    [Fact]
    public void Deserialize_StateMidFlight_ContinuesLikeTheOriginal()
    {
        var h = CertifiedInstance();
        var restored = InstanceStateJson.Deserialize(InstanceStateJson.Serialize(h.State));
        var waitId = h.Wait("Certified").WaitId;

        var original = ProcessEngine.Step(h.Definitions, h.State, new MessageReceived(waitId), h.Now);
        var replayed = ProcessEngine.Step(h.Definitions, restored, new MessageReceived(waitId), h.Now);

        Assert.Equal(InstanceStateJson.Serialize(original.State), InstanceStateJson.Serialize(replayed.State));
        Assert.Equal(InstanceStatus.Completed, replayed.State.Status);
    }

    [Fact]
    public void RoundTrip_AllValueKinds_KeepTheirTypes()
    {
        var values = EngineHarness.Vars(("l", 3L), ("d", 1.0), ("d2", 2.5), ("s", "x\"y"), ("b", false), ("n", null),
            ("list", new object?[] { 1, "a", null }), ("map", new Dictionary<string, object?> { ["z"] = 1, ["a"] = new[] { true } }));
        var h = EngineHarness.Start(Bpmn.Process("""<startEvent id="s"/><userTask id="u"/>""" + Bpmn.Chain("s", "u")), values);

        var json = InstanceStateJson.Serialize(h.State);
        var back = InstanceStateJson.Deserialize(json);

        Assert.Equal(json, InstanceStateJson.Serialize(back));
        Assert.IsType<long>(back.Variables["l"]);
        Assert.IsType<double>(back.Variables["d"]);
        Assert.Contains("\"d\":1.0", json);
        Assert.Contains("\"map\":{\"a\":[true],\"z\":1}", json);
    }

    [Theory]
    [InlineData("{\"v\":99}")]
    [InlineData("{\"v\":\"2\"}")]
    [InlineData("{}")]
    [InlineData("[2]")]
    public void Deserialize_UnknownVersion_Throws(string json) =>
        Assert.Throws<System.Text.Json.JsonException>(() => InstanceStateJson.Deserialize(json));
}
