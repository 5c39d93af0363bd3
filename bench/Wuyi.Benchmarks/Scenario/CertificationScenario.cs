namespace Wuyi.Benchmarks.Scenario;

/// <summary>
/// The scenario for the shipped workflows/certification.bpmn: the variables its gateways read along the
/// approving path. Waits at elements not listed here are answered without variables.
/// </summary>
internal static class CertificationScenario
{
    public static readonly IReadOnlyDictionary<string, object?> StartVariables = new Dictionary<string, object?>
    {
        ["applicationId"] = "APP-2026-000123",
        ["applicantName"] = "林志强",
        ["townshipCode"] = "350782101",
        ["villageCode"] = "350782101201",
    };

    public static readonly Dictionary<string, IReadOnlyDictionary<string, object?>> Answers = new();
}
