namespace Wuyi.Benchmarks.Scenario;

/// <summary>
/// The scenario for bench/models/certification-synthetic.bpmn. bench/peer/run-peer.mjs holds the same values:
/// keep the two in step.
/// </summary>
internal static class SyntheticScenario
{
    public static readonly IReadOnlyDictionary<string, object?> StartVariables = new Dictionary<string, object?>
    {
        ["applicationId"] = "APP-2026-000123",
        ["applicantName"] = "林志强",
        ["townshipCode"] = "350782101",
        ["villageCode"] = "350782101201",
        ["category"] = "tea-grower",
    };

    public static readonly Dictionary<string, IReadOnlyDictionary<string, object?>> Answers = new()
    {
        ["checkRegistry"] = new Dictionary<string, object?> { ["registryOk"] = true },
        ["reviewTownship"] = new Dictionary<string, object?> { ["townshipOpinion"] = "agree" },
        ["reviewCounty"] = new Dictionary<string, object?> { ["countyOpinion"] = "agree" },
        ["reviewExpert"] = new Dictionary<string, object?> { ["approved"] = true, ["expertScore"] = 87L },
        ["issueCertificate"] = new Dictionary<string, object?> { ["certificateNo"] = "WY-2026-000123" },
    };
}
